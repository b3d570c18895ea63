import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Authenticator } from './auth/caller.js';
import { remoteVerificationKeys } from './auth/remote-keys.js';
import { revocationFeed, type RevocationSource } from './auth/revocation-feed.js';
import { Revocations } from './auth/revocations.js';
import type { Config } from './config.js';
import { migrateToLatest } from './db/migrate.js';
import { openStorage, type Storage } from './db/storage.js';
import type { EventBus } from './events/consumer.js';
import { loadAccessPolicy } from './http/access-policy.js';
import { loadNotifyRules, operationsOf } from './http/notify-rules.js';
import type { OpenApiDocument } from './http/openapi.js';
import { createLogger } from './logger.js';
import { createMetrics, watchProjectionLag } from './metrics.js';
import { apiFetch, type ApiRoute } from './platform/api.js';
import { serviceContexts } from './platform/contexts.js';
import { openBus, subscribeConsumers, type ProcessRole, type Subscription } from './platform/events.js';
import { createHttpApp } from './platform/http-app.js';
import { notReadyReason } from './platform/readiness.js';
import type { NoticeOwner } from './http/notices.js';
import type { ServiceContext, ServiceDefinition } from './service.js';
import { ConfigError } from './settings.js';
import { openObjectStore } from './storage/index.js';
import type { ObjectStore } from './storage/object-store.js';

export type { ProcessRole } from './platform/events.js';

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
   * Where the service that issues tokens records their early end (a logout, a deleted
   * account). Without it, a process honours every token until it expires.
   */
  revocations?: RevocationSource;
  /**
   * Where the service that issues tokens publishes the keys that verify them, for a
   * process that does not run it: a JWKS URL per replica, and the variable that says
   * where the replicas are (named when it is missing).
   */
  tokenKeysAt?: { variable: string; urls: string[] };
  /**
   * Every contract of the deployment, where the process runs only some of its services:
   * the notification rules (NOTIFY_RULES) and the access policy (ACCESS_POLICY) are
   * checked against them all, so a rule on
   * another service's operation is accepted (and applied there) while a rule naming no
   * operation at all is refused. The process's own contracts when omitted.
   */
  contracts?: OpenApiDocument[];
  /**
   * Where the services this process does not run answer, for `ctx.api`: an origin per
   * replica of the service that owns a path. Every path is served in-process when omitted.
   */
  apiRoute?: ApiRoute;
}

export interface Platform {
  app: FastifyInstance;
  storage: Storage;
  /** Where uploaded files live: the folder DATA_DIR/media, or S3 when S3_BUCKET is set. */
  objects: ObjectStore;
  bus: EventBus;
  contexts: ServiceContext[];
  /** Each service's consumers, with the service (`owner`) whose schema holds their tables. */
  subscriptions: Subscription[];
  /** Applies migrations, starts the services and the bus; then /readyz answers 200. */
  start(): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds one process serving the given services: one Fastify app (platform/http-app.ts),
 * one storage, one bus and the consumers the process runs (platform/events.ts). The
 * embedded mode passes every service; the distributed mode runs one service per
 * process, as its API or its worker (`role`).
 */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config, services } = options;
  // A bad setting of any service stops the process before it opens anything.
  for (const service of services) service.settings?.(config.env);
  const contracts = options.contracts ?? services.map((s) => s.openapi);
  const rules = loadNotifyRules(config.NOTIFY_RULES, operationsOf(contracts));
  const policy = loadAccessPolicy(config.ACCESS_POLICY, contracts);
  const role = options.role ?? 'all';
  const servesApi = role !== 'worker';
  const log = options.logger ?? createLogger(config);
  const dataDir = options.dataDir ?? config.DATA_DIR;
  const storage = await openStorage({
    databaseUrl: config.DATABASE_URL,
    dataDir,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  const objects = await openObjectStore(config, { dataDir });
  const metrics = createMetrics();
  const bus = await openBus(config, log, metrics.registry);
  watchProjectionLag(metrics, bus);
  const revocations = new Revocations();
  const auth = new Authenticator({
    keys: verificationKeys(services, options.tokenKeysAt, role),
    issuer: config.TOKEN_ISSUER,
    revocations,
  });
  // The app is made after the contexts, which hold `api`; it answers once made.
  const served: { app?: FastifyInstance } = {};
  const api = apiFetch(() => {
    if (!served.app) throw new Error('the API is called before the process serves it');
    return served.app;
  }, options.apiRoute);
  const contexts = serviceContexts(services, {
    api,
    storage,
    objects: objects.store,
    bus,
    auth,
    config,
    log,
    metrics,
  });

  let ready = false;
  const loops = new AbortController();
  const running: Promise<void>[] = [];
  const app = await createHttpApp({
    config,
    log,
    metrics,
    services,
    webRoot: options.webRoot,
    objects: objects.store,
    auth,
    ...(servesApi ? { handlers: services.map((service, i) => service.handlers(contexts[i]!)) } : {}),
    ...(servesApi && rules.length ? { notices: { rules, auth, owners: noticeOwners(services, contexts) } } : {}),
    ...(servesApi && policy ? { access: { policy, auth } } : {}),
    isReady: () => ready,
    notReadyReason: notReadyReason(() => ready, storage, services, contexts),
  });
  served.app = app;
  const feed = options.revocations && revocationFeed(revocations, config, options.revocations);
  const subscriptions = subscribeConsumers(bus, { services, contexts, role, revocationFeed: feed });

  async function migrate() {
    for (const [i, service] of services.entries()) {
      const applied = await migrateToLatest(contexts[i]!.db, service.name, service.migrations);
      if (applied.length) log.info({ service: service.name, applied }, 'migrations applied');
    }
  }

  return {
    app,
    storage,
    objects: objects.store,
    bus,
    contexts,
    subscriptions,
    migrate,
    async start() {
      await migrate();
      if (servesApi) for (const [i, service] of services.entries()) await service.start?.(contexts[i]!);
      bus.start();
      if (role !== 'api') {
        for (const [i, service] of services.entries()) {
          for (const loop of service.loops?.(contexts[i]!) ?? []) {
            running.push(
              loop.run(loops.signal).catch((err: unknown) => log.error({ err, loop: loop.name }, 'loop stopped')),
            );
          }
        }
      }
      // Ready once its own read models are current (not its jobs, which may take long);
      // a worker is ready as soon as it consumes.
      if (servesApi) await bus.drain({ jobs: false });
      ready = true;
    },
    async close() {
      ready = false;
      await app.close();
      loops.abort();
      await Promise.all(running);
      await bus.stop();
      await storage.close();
      await objects.close();
    },
  };
}

/** Where each service's notices go: its own log, the outbox its events leave by. */
function noticeOwners(services: ServiceDefinition[], contexts: ServiceContext[]): NoticeOwner[] {
  return services.map((service, i) => ({
    operations: new Set(operationsOf([service.openapi]).map((o) => o.operationId)),
    db: contexts[i]!.db,
    bus: contexts[i]!.bus,
    log: contexts[i]!.log,
  }));
}

/**
 * The token issuer's own keys where it runs in this process; otherwise the keys it
 * publishes (`tokenKeysAt`). A worker serves no API and verifies no token.
 */
function verificationKeys(services: ServiceDefinition[], at: PlatformOptions['tokenKeysAt'], role: ProcessRole) {
  const local = services.find((s) => s.verificationKeys)?.verificationKeys;
  if (local) return local;
  if (at?.urls.length) return remoteVerificationKeys(at.urls);
  if (role === 'worker') return () => Promise.reject(new Error('a worker verifies no tokens'));
  throw new ConfigError(
    `${at?.variable ?? 'The token issuer’s URL'} must be set: this process verifies tokens with the keys the token issuer publishes`,
  );
}
