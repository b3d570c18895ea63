import type { ImportedEvent } from '@starling/kit';
import type { SeedEvent } from './events.js';

/**
 * Events per call of a service's import, which writes each call in one transaction
 * (bulk inside: one INSERT per 2,000 events, packages/kit `appendNewStreams`).
 */
export const EVENTS_PER_BATCH = 2_000;

/**
 * Hands a stream of seeded events to a service's import (`importFollows`, …) in
 * batches of EVENTS_PER_BATCH, calling `progress` after each has been written.
 * `recorded_at` is the seeded time; `metadata` names the actor and, as
 * `correlation_id`, the seed run, so seeded events can be told apart later.
 */
export async function writeAll<T extends SeedEvent>(
  events: Iterable<T>,
  run: string,
  write: (batch: readonly ImportedEvent[]) => Promise<unknown>,
  progress: (written: number) => void,
): Promise<number> {
  let batch: ImportedEvent[] = [];
  let written = 0;
  const flush = async () => {
    const events = batch;
    batch = [];
    await write(events);
    written += events.length;
    progress(written);
  };
  for (const e of events) {
    batch.push({
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: { actor_id: e.actor, correlation_id: run },
      recordedAt: new Date(e.at),
    });
    if (batch.length >= EVENTS_PER_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return written;
}
