import { createPlatform, loadConfig } from '@starling/kit';
import { allServices } from '../services.js';

/**
 * Serves every service from one process. Listens first (so /healthz answers and
 * /readyz says 503 while migrations run), then starts. SIGTERM or SIGINT stops taking
 * connections, lets requests in flight finish, closes the database and exits 0.
 */
export async function startCommand(): Promise<number> {
  const config = loadConfig();
  const platform = await createPlatform({ config, services: allServices() });
  const { app } = platform;
  await app.listen({ port: config.PORT, host: config.HOST });
  await platform.start();
  app.log.info({ port: config.PORT, storage: platform.storage.kind }, 'starling is ready');

  return new Promise<number>((resolve) => {
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
}
