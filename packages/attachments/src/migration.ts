import type { Db, Migrations } from '@starling/kit';
import { sql } from 'kysely';

/** The `media_attachments` table, in the schema of the service that includes this migration. */
async function up(db: Db): Promise<void> {
  await sql`create table if not exists media_attachments (
    id text primary key,
    owner_id text not null,
    state text not null,
    type text not null,
    description text,
    url text,
    preview_url text,
    blurhash text,
    meta jsonb,
    reason text,
    version integer not null,
    modified_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index if not exists media_attachments_owner on media_attachments (owner_id)`.execute(db);
}

async function down(db: Db): Promise<void> {
  await sql`drop table if exists media_attachments`.execute(db);
}

export const attachmentsMigrations: Migrations = { '2026-12-05T0003-media-attachments': { up, down } };
