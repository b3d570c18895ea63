import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/** The mail tables (mail/tables.ts). */
export async function up(db: Db): Promise<void> {
  await sql`create table mails (
    id text primary key,
    idempotency_key text not null unique,
    template text not null,
    to_user_id text,
    to_address text,
    subject text not null,
    data jsonb not null,
    sealed text,
    unsubscribe text,
    status text not null default 'pending',
    attempts integer not null default 0,
    error text,
    next_attempt_at timestamptz not null default now(),
    lease_until timestamptz,
    text text not null,
    html text not null,
    created_at timestamptz not null default now(),
    sent_at timestamptz
  )`.execute(db);
  // What a worker looks for: pending mail that is due.
  await sql`create index mails_due on mails (next_attempt_at) where status = 'pending'`.execute(db);
  await sql`create table digest_items (
    notification_id text primary key,
    account_id text not null,
    data jsonb not null,
    created_at timestamptz not null,
    mail_key text
  )`.execute(db);
  await sql`create index digest_items_waiting on digest_items (created_at) where mail_key is null`.execute(db);
  await sql`create table email_preferences (
    account_id text primary key,
    settings jsonb not null,
    version integer not null
  )`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table if exists email_preferences`.execute(db);
  await sql`drop table if exists digest_items`.execute(db);
  await sql`drop table if exists mails`.execute(db);
}
