import { sql } from 'kysely';
import type { Db } from '../db/storage.js';

/**
 * The event store's tables, created by each service's first migration in its own schema.
 *
 * `events` is the log and the transactional outbox at once. `tx_id` records the
 * writing transaction so that a reader tailing the log never skips an event whose
 * transaction took a position early but committed late (see `readAfter`).
 * A trigger makes the log append-only.
 */
export async function createEventStoreTables(db: Db): Promise<void> {
  await sql`
    create table events (
      position bigint generated always as identity primary key,
      tx_id xid8 not null default pg_current_xact_id(),
      event_id uuid not null unique,
      stream_id text not null,
      stream_version integer not null check (stream_version > 0),
      type text not null,
      schema_version integer not null default 1,
      data jsonb not null,
      metadata jsonb not null default '{}'::jsonb,
      recorded_at timestamptz not null default now(),
      unique (stream_id, stream_version)
    )`.execute(db);
  await sql`create index events_tail on events (tx_id, position)`.execute(db);
  await sql`
    create function events_are_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'events are append-only: % is not allowed', tg_op;
    end $$`.execute(db);
  await sql`
    create trigger events_append_only before update or delete on events
    for each row execute function events_are_immutable()`.execute(db);
  await sql`
    create trigger events_no_truncate before truncate on events
    for each statement execute function events_are_immutable()`.execute(db);
  await sql`
    create table consumer_checkpoints (
      consumer text primary key,
      tx_id xid8 not null,
      position bigint not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}
