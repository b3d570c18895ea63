import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * Counters of failed logins and of sign-ups, per key (a client address, an account),
 * in fixed windows. Not a read model: nothing in the log says how often someone guessed
 * wrong. Kept in the database so every replica, and a restarted process, sees them.
 */
export async function up(db: Db): Promise<void> {
  await sql`
    create table attempt_counters (
      key text primary key,
      count integer not null,
      window_ends_at timestamptz not null
    )`.execute(db);
  await sql`create index attempt_counters_expiry on attempt_counters (window_ends_at)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table attempt_counters`.execute(db);
}
