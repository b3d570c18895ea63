import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/** The webhooks tables (webhooks/tables.ts). */
export async function up(db: Db): Promise<void> {
  await sql`create table webhooks (
    id text primary key,
    owner_id text not null,
    scope text not null,
    url text not null,
    events jsonb not null,
    description text not null,
    enabled boolean not null,
    disabled_reason text,
    sealed_secret text not null,
    version integer not null,
    created_at timestamptz not null
  )`.execute(db);
  await sql`create index webhooks_owner on webhooks (owner_id)`.execute(db);
  await sql`create table webhook_deliveries (
    id text primary key,
    webhook_id text not null,
    source_event_id text not null,
    event_type text not null,
    body text not null,
    status text not null,
    attempts integer not null default 0,
    attempts_left integer not null,
    manual boolean not null default false,
    next_attempt_at timestamptz not null,
    lease_token text,
    lease_until timestamptz,
    response_code integer,
    latency_ms integer,
    error text,
    response_excerpt text,
    created_at timestamptz not null,
    delivered_at timestamptz,
    unique (webhook_id, source_event_id)
  )`.execute(db);
  await sql`create index webhook_deliveries_list on webhook_deliveries (webhook_id, id)`.execute(db);
  await sql`create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
}

export async function down(db: Db): Promise<void> {
  await sql`drop table if exists webhook_deliveries`.execute(db);
  await sql`drop table if exists webhooks`.execute(db);
}
