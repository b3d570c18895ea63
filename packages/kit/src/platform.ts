import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Authenticator } from './auth/caller.js';
import { revocationFeed } from './auth/revocation-feed.js';
import { Revocations } from './auth/revocations.js';
import type { Config } from './config.js';
import { isMigrated, migrateToLatest } from './db/migrate.js';
import { openStorage, type Db, type Storage } from './db/storage.js';
import type { Consumer } from './events/consumer.js';
import { OutboxTailBus } from './events/outbox-bus.js';
import { installErrorHandling, sendProblem, type Fallback } from './http/error-handler.js';
import { installWebApp } from './http/web-app.js';
import { mergeOpenApi, registerOperations } from './http/openapi.js';
import { platformOpenApi } from './http/platform-openapi.js';
import { exactBodies } from './http/validation.js';
import { installHealthRoutes } from './http/health.js';
import { problems } from './http/problem.js';
import { createLogger } from './logger.js';
import { createMetrics, installRequestMetrics, watchProjectionLag } from './metrics.js';
import type { ServiceContext, ServiceDefinition } from './service.js';

export interface PlatformOptions {
  config: Config;
  services: ServiceDefinition[];
  logger?: Logger;
  /** Override storage (tests pass an in-memory PGlite or a throwaway database). */
  dataDir?: string;
  /** The built web app to serve at `/` (apps/web/dist); none when omitted. */
  webRoot?: string;
}

export interface Platform {
  app: FastifyInstance;
  storage: Storage;
  bus: OutboxTailBus;
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
 * bus. The embedded mode passes every service; a later split passes one.
 */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config, services } = options;
  const log = options.logger ?? createLogger(config);
  const storage = await openStorage({
    databaseUrl: config.DATABASE_URL,
    dataDir: options.dataDir ?? config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  const metrics = createMetrics();
  const bus = new OutboxTailBus(log, config.PROJECTION_POLL_MS);
  const revocations = new Revocations();
  const keySource = services.find((s) => s.verificationKeys)?.verificationKeys;
  if (!keySource) throw new Error('No service in this process publishes token verification keys');
  const auth = new Authenticator({ keys: keySource, issuer: config.TOKEN_ISSUER, revocations });

  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true, useDefaults: true } },
    schemaController: { compilersFactory: { buildValidator: exactBodies } },
  });
  let pages: Fallback | undefined;
  installErrorHandling(app, (request, reply) => pages?.(request, reply) ?? false);
  installRequestMetrics(app, metrics);
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
        const result = await db.transaction().execute(fn);
        await bus.drain().catch((err) => log.warn({ err }, 'read models are behind; they will catch up'));
        return result;
      },
    };
  });

  const document = mergeOpenApi(
    platformOpenApi,
    services.map((s) => s.openapi),
  );
  await app.register(swagger, { mode: 'static', specification: { document } as never });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => document);
  if (options.webRoot) pages = await installWebApp(app, options.webRoot);

  const subscriptions: Platform['subscriptions'] = [];
  bus.subscribe(revocationFeed(revocations, config.ACCESS_TOKEN_TTL), contexts[0]!.db, 'auth');
  for (const [i, service] of services.entries()) {
    const ctx = contexts[i]!;
    await app.register(async (scope) => registerOperations(scope, service.openapi, service.handlers(ctx)));
    for (const consumer of service.consumers(ctx)) {
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
      for (const [i, service] of services.entries()) await service.start?.(contexts[i]!);
      bus.start();
      await bus.drain();
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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
