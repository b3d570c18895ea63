import { createEventStoreTables, type Db } from '@starling/kit';
import { sql } from 'kysely';

/** The event store and the directory (directory/tables.ts), which every part reads. */
export async function up(db: Db): Promise<void> {
  await createEventStoreTables(db);
  await sql`create table accounts (
    id text primary key,
    username text not null,
    name text not null,
    email text not null,
    email_verified boolean not null,
    is_admin boolean not null,
    deleted boolean not null
  )`.execute(db);
  await sql`create index accounts_username on accounts (lower(username))`.execute(db);
  await sql`create table tweets (
    id text primary key,
    author_id text not null,
    body text not null,
    in_reply_to_author_id text,
    created_at timestamptz not null,
    deleted boolean not null
  )`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table if exists tweets`.execute(db);
  await sql`drop table if exists accounts`.execute(db);
}
