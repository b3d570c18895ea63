import { sql } from 'kysely';
import type { Logger } from 'pino';
import { isProjection, type DeferrableWork } from './events/consumer.js';
import type { Db } from './db/storage.js';
import { OutboxTailBus } from './events/outbox-bus.js';
import type { Platform } from './platform.js';

/**
 * Empties every projection's tables and checkpoint, then replays the log into them.
 * Reactors keep their checkpoints: their effects are events, which are never redone.
 */
export async function rebuildProjections(platform: Platform) {
  const projections = platform.subscriptions.filter((s) => isProjection(s.consumer));
  const deferred = deferAll(platform);
  for (const { consumer, db } of projections) {
    if (!isProjection(consumer)) continue;
    await db.transaction().execute(async (trx) => {
      for (const table of consumer.tables) await sql`truncate table ${sql.table(table)}`.execute(trx);
      await sql`delete from consumer_checkpoints where consumer = ${consumer.name}`.execute(trx);
    });
  }
  // The bus's idle-poll shortcut remembers checkpoints that were just deleted.
  platform.bus.forgetCheckpoints();
  // Replayed from the outboxes themselves, whatever the bus: JetStream consumers have
  // acknowledged these events long ago. Their checkpoints end up at the log's end, and
  // they go on from there, skipping what the replay applied.
  const replay = new OutboxTailBus(platform.app.log as Logger);
  for (const { consumer, db, owner } of projections) replay.subscribe(consumer, db, owner);
  await replay.drain();
  // Jobs keep their checkpoints and are not replayed; they are not waited for either.
  await platform.bus.drain({ jobs: false });
  await deferred.finish();
  return Promise.all(
    projections.map(async ({ consumer, db }) => {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(`${consumer.source}.events`)}
        where type in (${sql.join(consumer.types)})`.execute(db);
      return { projection: consumer.name, events: Number(rows[0]?.n ?? 0) };
    }),
  );
}

/**
 * Defers every projection's deferrable work (see `DeferrableWork`) in this process, for
 * a bulk catch-up; `finish` then does each once, in its projection's database.
 */
export function deferAll(platform: Platform) {
  const works = new Map<DeferrableWork, Db>();
  for (const { consumer, db } of platform.subscriptions) {
    if (isProjection(consumer) && consumer.deferrable) works.set(consumer.deferrable, db);
  }
  for (const work of works.keys()) work.defer();
  return {
    labels: [...works.keys()].map((w) => w.label),
    async finish(progress?: (label: string, done: number, total: number) => void): Promise<void> {
      for (const [work, db] of works)
        await work.finish(db, progress && ((done, total) => progress(work.label, done, total)));
    },
  };
}

/**
 * Fresh planner statistics for every table after a bulk load (a seed, an import):
 * PGlite never gathers them on its own, and on PostgreSQL autovacuum would otherwise do
 * it in the middle of the first requests, which would be planned blind until then.
 */
export async function analyzeAfterBulkLoad(platform: Platform): Promise<void> {
  // One database holds every service's schema: one ANALYZE covers them all.
  const db = platform.contexts[0]?.db;
  if (db) await sql`analyze`.execute(db);
}
