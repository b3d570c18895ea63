import { createPlatform, loadConfig } from '@starling/kit';
import { lockDataDir } from '../data-dir-lock.js';
import { allServices, webAppRoot } from '../services.js';

/**
 * Serves every service from one process. Listens first (so /healthz answers and
 * /readyz says 503 while migrations run), then starts. SIGTERM or SIGINT stops taking
 * connections, lets requests in flight finish, closes the database and exits 0.
 */
export async function startCommand(): Promise<number> {
  const config = loadConfig();
  // Held until the process exits: `starling seed` and `projections rebuild` refuse to run meanwhile.
  lockDataDir(config, 'start');
  const webRoot = webAppRoot();
  const platform = await createPlatform({ config, services: allServices(), ...(webRoot ? { webRoot } : {}) });
  const { app } = platform;
  if (!webRoot) app.log.warn('the web app is not built (npm run build); serving the API only');
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
      platform.close().then(
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
      await platform.start();
      app.log.info({ port: config.PORT, storage: platform.storage.kind }, 'starling is ready');
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
