import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * The statuses posted under an Idempotency-Key (infra/idempotency.ts): an app that
 * retries a post after a lost answer gets the first status back, not a second one.
 * Not events: a record of requests, kept a day, that nothing else reads.
 */
export async function up(db: Db): Promise<void> {
  await sql`create table idempotency_keys (
    user_id text not null,
    key text not null,
    status_id text,
    created_at timestamptz not null default now(),
    primary key (user_id, key)
  )`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table if exists idempotency_keys`.execute(db);
}
