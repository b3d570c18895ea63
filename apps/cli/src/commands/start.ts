import { ConfigError, createPlatform, loadConfig, type Config } from '@starling/kit';
import { tokenRevocations } from '@starling/identity/revocations';
import { builtWebApp as webAppRoot } from '@starling/web/site';
import type { FastifyInstance } from 'fastify';
import { lockDataDir } from '../data-dir-lock.js';
import { lagReportSeconds, reportLagEvery } from '../lag-report.js';
import { rolePlatform } from '../role-platform.js';
import { gatewayUpstreams, ROLE_NAMES, roleNamed, type RoleEntry } from '../topology.js';

/** What `start` runs: a Fastify app to listen with, and how to start and stop the rest. */
interface Runnable {
  app: FastifyInstance;
  start(): Promise<void>;
  close(): Promise<void>;
  describe(): Record<string, unknown>;
}

/**
 * `starling start` serves every service from one process (the embedded mode);
 * `starling start <role>` runs one process of the distributed mode (see topology.ts).
 * Listens first (so /healthz answers and /readyz says 503 while migrations run), then
 * starts. SIGTERM or SIGINT stops taking connections, lets requests in flight finish,
 * closes the database and the bus, and exits 0.
 */
export async function startCommand(args: string[] = []): Promise<number> {
  const config = loadConfig();
  const name = args[0];
  const role = name === undefined ? undefined : roleNamed(name);
  if (name !== undefined && !role) {
    throw new ConfigError(`unknown role "${name}"; one of: ${ROLE_NAMES.join(', ')}`);
  }
  const runnable = role ? await distributedProcess(config, role) : await embedded(config);
  const { app } = runnable;
  await app.listen({ port: config.PORT, host: config.HOST });

  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => {
        app.log.error('shutdown timed out; exiting');
        resolve(1);
      }, config.SHUTDOWN_TIMEOUT * 1000);
      force.unref();
      runnable.close().then(
        () => {
          clearTimeout(force);
          resolve(0);
        },
        (err: unknown) => {
          app.log.error({ err }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });

  // A database that is not up yet (containers starting together) is waited for, with
  // /readyz saying 503 meanwhile, rather than crashing the process.
  for (let attempt = 1; ; attempt++) {
    try {
      await runnable.start();
      app.log.info({ port: config.PORT, ...runnable.describe() }, 'starling is ready');
      break;
    } catch (err) {
      const delay = Math.min(attempt, 10) * 1000;
      app.log.error({ err, attempt, retryInMs: delay }, 'could not start; retrying');
      const outcome = await Promise.race([stopped, sleep(delay).then(() => undefined)]);
      if (outcome !== undefined) return outcome;
    }
  }
  return stopped;
}

async function embedded(config: Config): Promise<Runnable> {
  // Held until the process exits: `starling seed` and `projections rebuild` refuse to run meanwhile.
  lockDataDir(config, 'start');
  const { allServices } = await import('../services.js');
  const webRoot = webAppRoot();
  const platform = await createPlatform({
    config,
    services: allServices(),
    revocations: tokenRevocations,
    ...(webRoot ? { webRoot } : {}),
  });
  if (!webRoot) platform.app.log.warn('the web app is not built (npm run build); serving the API only');
  return {
    app: platform.app,
    start: () => platform.start(),
    close: () => platform.close(),
    describe: () => ({ storage: platform.storage.kind, bus: config.NATS_URL ? 'nats' : 'in-process' }),
  };
}

async function distributedProcess(config: Config, entry: RoleEntry): Promise<Runnable> {
  const role = entry.name;
  if (entry.kind === 'gateway') {
    const { createGateway } = await import('@starling/gateway');
    const webRoot = webAppRoot();
    const gateway = await createGateway({
      config,
      services: gatewayUpstreams(config.env),
      ...(webRoot ? { webRoot } : {}),
    });
    return { app: gateway.app, start: async () => {}, close: () => gateway.close(), describe: () => ({ role }) };
  }
  const platform = await rolePlatform(config, entry);
  // A worker may log its backlog now and then, for monitoring that reads logs (deploy/aws).
  const every = entry.kind === 'worker' ? lagReportSeconds(config.env) : 0;
  let stopReporting = () => {};
  return {
    app: platform.app,
    async start() {
      await platform.start();
      stopReporting = reportLagEvery(every, platform.bus, platform.app.log, role);
    },
    close: () => {
      stopReporting();
      return platform.close();
    },
    describe: () => ({ role }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
