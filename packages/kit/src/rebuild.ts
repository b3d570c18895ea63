import { sql } from 'kysely';
import type { Logger } from 'pino';
import { isProjection } from './events/consumer.js';
import { OutboxTailBus } from './events/outbox-bus.js';
import type { Platform } from './platform.js';

/**
 * Empties every projection's tables and checkpoint, then replays the log into them.
 * Reactors keep their checkpoints: their effects are events, which are never redone.
 */
export async function rebuildProjections(platform: Platform) {
  const projections = platform.subscriptions.filter((s) => isProjection(s.consumer));
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
  await platform.bus.drain();
  return Promise.all(
    projections.map(async ({ consumer, db }) => {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(`${consumer.source}.events`)}
        where type in (${sql.join(consumer.types)})`.execute(db);
      return { projection: consumer.name, events: Number(rows[0]?.n ?? 0) };
    }),
  );
}
