import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db, Storage } from '../db/storage.js';
import type { EventBus } from '../events/consumer.js';
import { lastAppendedKnown, type Checkpoint } from '../events/event-store.js';
import type { ServiceContext, ServiceDefinition } from '../service.js';
import { tracedStep } from '../tracing/tracer.js';

/** What every service of the process shares. */
export type SharedParts = Pick<ServiceContext, 'bus' | 'auth' | 'config' | 'metrics' | 'objects' | 'api'> & {
  storage: Storage;
  log: Logger;
};

/** Each service's context: its own schema and logger, the shared parts, and how it writes. */
export function serviceContexts(services: ServiceDefinition[], shared: SharedParts): ServiceContext[] {
  const { storage, log, ...parts } = shared;
  return services.map((service) => {
    const db = storage.forSchema(service.name);
    return {
      ...parts,
      name: service.name,
      db,
      log: log.child({ service: service.name }),
      write: writeThrough(db, parts.bus, service.name, log),
    };
  });
}

/**
 * Runs a command's transaction, then waits (a bounded time) for the read models to
 * show it, so the caller reads its own write. A bus that waits for the write's own
 * last event is told it, looked up before the transaction commits. The wait is a span of
 * its own in the request's trace: how long a write waited for the read models.
 */
function writeThrough(db: Db, bus: EventBus, source: string, log: Logger): ServiceContext['write'] {
  return async (fn) => {
    const { result, mark } = await db.transaction().execute(async (trx) => {
      const result = await fn(trx);
      return { result, mark: bus.settlesOnMark ? (lastAppendedKnown(trx) ?? (await lastAppended(trx))) : undefined };
    });
    await tracedStep(`settle ${source}`, { 'starling.service': source }, () => bus.settle(source, mark)).catch(
      (err: unknown) => log.warn({ err }, 'read models are behind; they will catch up'),
    );
    return result;
  };
}

/** The last event the current transaction appended to its service's log, if any. */
async function lastAppended(trx: Db): Promise<Checkpoint | undefined> {
  const { rows } = await sql<{ tx_id: string; position: number }>`
    select tx_id::text as tx_id, position from events
    where tx_id = pg_current_xact_id_if_assigned() order by position desc limit 1`.execute(trx);
  return rows[0] ? { txId: rows[0].tx_id, position: Number(rows[0].position) } : undefined;
}
