import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'kysely';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Authenticator } from './auth/caller.js';
import { remoteVerificationKeys } from './auth/remote-keys.js';
import { revocationFeed, type RevocationSource } from './auth/revocation-feed.js';
import { Revocations } from './auth/revocations.js';
import { urlList, type Config } from './config.js';
import { ConfigError } from './settings.js';
import { isMigrated, migrateToLatest } from './db/migrate.js';
import { openStorage, type Db, type Storage } from './db/storage.js';
import type { Consumer, EventBus } from './events/consumer.js';
import type { Checkpoint } from './events/event-store.js';
import { JetStreamBus } from './events/nats/bus.js';
import { OutboxTailBus } from './events/outbox-bus.js';
import { installErrorHandling, sendProblem, type Fallback } from './http/error-handler.js';
import { installWebApp } from './http/web-app.js';
import { mergeHandlers, mergeOpenApi, registerOperations } from './http/openapi.js';
import { platformOpenApi } from './http/platform-openapi.js';
import { exactBodies } from './http/validation.js';
import { corsOrigins, installCors } from './http/cors.js';
import { docsPolicy } from './http/docs-policy.js';
import { installHealthRoutes } from './http/health.js';
import { installRequestLog } from './http/request-log.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { serverOptions } from './http/server-options.js';
import { installInputChecks } from './http/well-formed-input.js';
import { problems } from './http/problem.js';
import { createLogger } from './logger.js';
import { createMetrics, installRequestMetrics, watchProjectionLag } from './metrics.js';
import type { ServiceContext, ServiceDefinition } from './service.js';

/**
 * What a process does for its services:
 * - `all`: everything (the embedded mode, or one process on PostgreSQL and NATS);
 * - `api`: the HTTP API, the outbox relay, and the read models of its own events;
 * - `worker`: the read models and reactions fed by other services' events, and the relay.
 */
export type ProcessRole = 'all' | 'api' | 'worker';

export interface PlatformOptions {
  config: Config;
  services: ServiceDefinition[];
  logger?: Logger;
  /** Override storage (tests pass an in-memory PGlite or a throwaway database). */
  dataDir?: string;
  /** The built web app to serve at `/` (apps/web/dist); none when omitted. */
  webRoot?: string;
  role?: ProcessRole;
  /**
   * Where the service that issues tokens records their early end (identity's events).
   * Without it, a process honours every token until it expires.
   */
  revocations?: RevocationSource;
}

export interface Platform {
  app: FastifyInstance;
  storage: Storage;
  bus: EventBus;
  contexts: ServiceContext[];
  /** Each service's consumers, with the service (`owner`) whose schema holds their tables. */
  subscriptions: Array<{ consumer: Consumer; db: Db; owner: string }>;
  /** Applies migrations, starts the services and the bus; then /readyz answers 200. */
  start(): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const PLATFORM_ROUTES = new Set(['/healthz', '/readyz', '/metrics', '/openapi.json']);

/**
 * Builds one process serving the given services: one Fastify app, one storage, one
 * bus. The embedded mode passes every service; the distributed mode runs one service
 * per process, as its API or its worker (`role`).
 */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config, services } = options;
  // A bad setting of any service stops the process before it opens anything.
  for (const service of services) service.settings?.(config.env);
  const role = options.role ?? 'all';
  const servesApi = role !== 'worker';
  const log = options.logger ?? createLogger(config);
  const storage = await openStorage({
    databaseUrl: config.DATABASE_URL,
    dataDir: options.dataDir ?? config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  const metrics = createMetrics();
  const bus: EventBus = config.NATS_URL
    ? await JetStreamBus.connect({
        url: config.NATS_URL,
        prefix: config.NATS_PREFIX,
        log,
        registry: metrics.registry,
        pollMs: config.PROJECTION_POLL_MS,
        consistencyWaitMs: config.CONSISTENCY_WAIT_MS,
        deadLetterAfter: config.DEAD_LETTER_AFTER,
      })
    : new OutboxTailBus(log, config.PROJECTION_POLL_MS);
  const revocations = new Revocations();
  const auth = new Authenticator({
    keys: verificationKeys(services, config, role),
    issuer: config.TOKEN_ISSUER,
    revocations,
  });

  const app = Fastify({
    ...serverOptions(config, log as FastifyBaseLogger),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true, useDefaults: true } },
    schemaController: { compilersFactory: { buildValidator: exactBodies } },
  });
  let pages: Fallback | undefined;
  installErrorHandling(app, (request, reply) => pages?.(request, reply) ?? false);
  installRequestMetrics(app, metrics);
  installRequestLog(app, config.LOG_REQUESTS);
  installSecurityHeaders(app);
  installInputChecks(app);
  watchProjectionLag(metrics, bus);
  await app.register(cookie);
  // Starling speaks JSON only: anything else is a 415, not a string handed to a handler.
  app.removeContentTypeParser('text/plain');

  let ready = false;
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (!ready && !PLATFORM_ROUTES.has(request.url.split('?')[0]!)) {
      return sendProblem(reply, problems.unavailable('Starling is starting up.'));
    }
  });

  const contexts = services.map((service): ServiceContext => {
    const db = storage.forSchema(service.name);
    return {
      name: service.name,
      db,
      bus,
      auth,
      config,
      log: log.child({ service: service.name }),
      metrics,
      async write(fn) {
        const { result, mark } = await db.transaction().execute(async (trx) => {
          const result = await fn(trx);
          return { result, mark: bus.settlesOnMark ? await lastAppended(trx) : undefined };
        });
        await bus
          .settle(service.name, mark)
          .catch((err: unknown) => log.warn({ err }, 'read models are behind; they will catch up'));
        return result;
      },
    };
  });

  const contract = mergeOpenApi(
    { openapi: platformOpenApi.openapi, info: platformOpenApi.info },
    services.map((s) => s.openapi),
  );
  const document = mergeOpenApi(platformOpenApi, [contract]);
  await app.register(swagger, { mode: 'static', specification: { document } as never });
  await app.register(swaggerUi, { routePrefix: '/docs', ...docsPolicy });
  installCors(app, corsOrigins(config), contract);
  app.get('/openapi.json', { schema: { hide: true } }, async () => document);
  if (options.webRoot) pages = await installWebApp(app, options.webRoot);

  const subscriptions: Platform['subscriptions'] = [];
  for (const ctx of contexts) bus.relay?.(ctx.name, ctx.db);
  if (servesApi && options.revocations) {
    bus.subscribe(revocationFeed(revocations, config.ACCESS_TOKEN_TTL, options.revocations), contexts[0]!.db, 'auth');
  }
  if (servesApi) {
    // One registration for every service of the process: the plugin validates each
    // document it is given against the OpenAPI schema, compiling that schema anew each
    // time, which cost the embedded process a few hundred milliseconds at every start.
    const handlers = services.map((service, i) => service.handlers(contexts[i]!));
    await app.register(async (scope) => registerOperations(scope, contract, mergeHandlers(handlers)));
  }
  for (const [i, service] of services.entries()) {
    const ctx = contexts[i]!;
    for (const consumer of service.consumers(ctx)) {
      const own = consumer.source === service.name;
      if ((role === 'api' && !own) || (role === 'worker' && own)) continue;
      bus.subscribe(consumer, ctx.db, service.name);
      subscriptions.push({ consumer, db: ctx.db, owner: service.name });
    }
  }

  installHealthRoutes(app, metrics, async () => {
    if (!ready) return 'migrations have not been applied yet';
    try {
      await withTimeout(storage.ping(), 2000);
    } catch {
      return 'the database does not answer';
    }
    for (const [i, service] of services.entries()) {
      const migrated = isMigrated(contexts[i]!.db, service.name, service.migrations);
      if (!(await withTimeout(migrated, 2000).catch(() => false)))
        return `migrations of ${service.name} are not applied`;
    }
    return undefined;
  });

  async function migrate() {
    for (const [i, service] of services.entries()) {
      const applied = await migrateToLatest(contexts[i]!.db, service.name, service.migrations);
      if (applied.length) log.info({ service: service.name, applied }, 'migrations applied');
    }
  }

  return {
    app,
    storage,
    bus,
    contexts,
    subscriptions,
    migrate,
    async start() {
      await migrate();
      if (servesApi) for (const [i, service] of services.entries()) await service.start?.(contexts[i]!);
      bus.start();
      // Ready once its own read models are current; a worker is ready as soon as it consumes.
      if (servesApi) await bus.drain();
      ready = true;
    },
    async close() {
      ready = false;
      await app.close();
      await bus.stop();
      await storage.close();
    },
  };
}

/**
 * Identity's own keys where identity runs in this process; otherwise its published JWKS
 * (IDENTITY_URL). A worker serves no API and verifies no token.
 */
function verificationKeys(services: ServiceDefinition[], config: Config, role: ProcessRole) {
  const local = services.find((s) => s.verificationKeys)?.verificationKeys;
  if (local) return local;
  const remote = urlList(config.IDENTITY_URL);
  if (remote.length) return remoteVerificationKeys(remote);
  if (role === 'worker') return () => Promise.reject(new Error('a worker verifies no tokens'));
  throw new ConfigError("IDENTITY_URL must be set: this process verifies tokens with the identity service's keys");
}

/** The last event the current transaction appended to its service's log, if any. */
async function lastAppended(trx: Db): Promise<Checkpoint | undefined> {
  const { rows } = await sql<{ tx_id: string; position: number }>`
    select tx_id::text as tx_id, position from events
    where tx_id = pg_current_xact_id_if_assigned() order by position desc limit 1`.execute(trx);
  return rows[0] ? { txId: rows[0].tx_id, position: Number(rows[0].position) } : undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
