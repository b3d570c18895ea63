import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * Email confirmation and password reset. `mailed_tokens` holds the sha256 of each token
 * mailed and not yet used (never the token): like the name claims, write-side state
 * changed in the same transaction as the events, and not in the log, which a token's
 * hash never enters. `users.email_verified`: accounts from before this migration never
 * confirmed their address, so they start unverified.
 */
export async function up(db: Db): Promise<void> {
  await sql`
    create table mailed_tokens (
      token_hash text primary key,
      user_id text not null,
      purpose text not null,
      email text not null,
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index mailed_tokens_by_user on mailed_tokens (user_id, purpose)`.execute(db);
  await sql`create index mailed_tokens_expiry on mailed_tokens (expires_at)`.execute(db);
  await sql`alter table users add column email_verified boolean not null default false`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`alter table users drop column email_verified`.execute(db);
  await sql`drop table mailed_tokens`.execute(db);
}
