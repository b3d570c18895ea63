import { createEventStoreTables, type Db } from '@starling/kit';
import { sql } from 'kysely';

export async function up(db: Db): Promise<void> {
  await createEventStoreTables(db);

  // Write side: uniqueness claims, changed in the same transaction as the events.
  await sql`create table username_claims (username_key text primary key, user_id text not null)`.execute(db);
  await sql`create table email_claims (email_key text primary key, user_id text not null)`.execute(db);
  await sql`
    create table signing_keys (
      kid text primary key,
      private_jwk jsonb not null,
      public_jwk jsonb not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  // Read models (projections).
  await sql`
    create table users (
      id text primary key,
      username text not null,
      username_key text not null unique,
      name text not null,
      email text not null,
      role text not null default 'user',
      created_at timestamptz not null,
      version integer not null
    )`.execute(db);
  await sql`create table credentials (user_id text primary key, password_hash text not null)`.execute(db);
  await sql`
    create table sessions (
      session_id text primary key,
      user_id text not null,
      expires_at timestamptz not null,
      ended_at timestamptz
    )`.execute(db);
  await sql`create index sessions_by_user on sessions (user_id)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  for (const table of ['sessions', 'credentials', 'users', 'signing_keys', 'email_claims', 'username_claims']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop table if exists consumer_checkpoints`.execute(db);
  await sql`drop trigger if exists events_append_only on events`.execute(db);
  await sql`drop trigger if exists events_no_truncate on events`.execute(db);
  await sql`drop table if exists events`.execute(db);
  await sql`drop function if exists events_are_immutable()`.execute(db);
}
