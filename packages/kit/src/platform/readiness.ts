import { isMigrated } from '../db/migrate.js';
import type { Storage } from '../db/storage.js';
import type { ServiceContext, ServiceDefinition } from '../service.js';

/**
 * Why /readyz says 503, or undefined: the process has not started yet, the database
 * does not answer, or a service's migrations are not all applied. Each check gives up
 * after two seconds, so a probe always gets an answer.
 */
export function notReadyReason(
  started: () => boolean,
  storage: Storage,
  services: ServiceDefinition[],
  contexts: ServiceContext[],
): () => Promise<string | undefined> {
  return async () => {
    if (!started()) return 'migrations have not been applied yet';
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
