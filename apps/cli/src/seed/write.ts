import { randomUUID } from 'node:crypto';
import type { Db } from '@starling/kit';
import { sql } from 'kysely';
import type { SeedEvent } from './streams.js';

/** Rows per INSERT: one statement carries them all as one JSON parameter. */
export const ROWS_PER_STATEMENT = 2_000;

/**
 * Appends seeded events to a service's `events` table in bulk: each batch is one
 * INSERT … SELECT FROM json_to_recordset($1) in its own transaction, which works alike
 * on PostgreSQL and PGlite and stays far below the parameter limit. Every stream is
 * new, so every event is version 1 (the `(stream_id, stream_version)` key still guards
 * against a clash). `recorded_at` is the seeded time; `metadata` names the actor and,
 * as `correlation_id`, the seed run, so seeded events can be told apart later.
 */
export async function insertEvents(trx: Db, events: readonly SeedEvent[], run: string): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({
    event_id: randomUUID(),
    stream_id: e.stream,
    type: e.type,
    schema_version: e.schemaVersion,
    data: e.data,
    metadata: { actor_id: e.actor, correlation_id: run },
    recorded_at: new Date(e.at).toISOString(),
  }));
  await sql`
    insert into events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at)
    select event_id, stream_id, 1, type, schema_version, data, metadata, recorded_at
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as r(event_id uuid, stream_id text, type text, schema_version int, data jsonb, metadata jsonb,
           recorded_at timestamptz)`.execute(trx);
}

/**
 * Writes a stream of events in batches of ROWS_PER_STATEMENT, one transaction each,
 * calling `before` inside the transaction first (identity claims usernames there) and
 * `progress` after each commit.
 */
export async function writeAll<T extends SeedEvent>(
  db: Db,
  events: Iterable<T>,
  run: string,
  progress: (written: number, last: T) => void,
  before?: (trx: Db, batch: readonly T[]) => Promise<void>,
): Promise<number> {
  let batch: T[] = [];
  let written = 0;
  const flush = async () => {
    const rows = batch;
    batch = [];
    await db.transaction().execute(async (trx) => {
      await before?.(trx, rows);
      await insertEvents(trx, rows, run);
    });
    written += rows.length;
    progress(written, rows.at(-1)!);
  };
  for (const event of events) {
    batch.push(event);
    if (batch.length >= ROWS_PER_STATEMENT) await flush();
  }
  if (batch.length > 0) await flush();
  return written;
}
