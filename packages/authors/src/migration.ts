import type { Db, Migrations } from '@starling/kit';
import { sql } from 'kysely';

/**
 * The `authors` table, in the schema of the service that includes this migration.
 * Databases from before it already have the table (the tweets and timeline services
 * created their own copies, then added `modified_at`), so every step is idempotent:
 * it completes a table that is missing or older, and leaves a current one alone.
 */
async function up(db: Db): Promise<void> {
  await sql`create table if not exists authors (
    id text primary key,
    username text not null,
    name text not null,
    version integer not null
  )`.execute(db);
  // When the shown name last changed, for Last-Modified; older rows get this migration's time.
  await sql`alter table authors add column if not exists modified_at timestamptz not null default now()`.execute(db);
}

async function down(db: Db): Promise<void> {
  await sql`drop table if exists authors`.execute(db);
}

/** Named after every migration that created or changed an `authors` table before it, so it runs after them. */
export const authorsMigrations: Migrations = { '2026-12-05T0002-authors': { up, down } };
