import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * Starling as an OAuth 2 authorization server for third-party apps. `oauth_apps` and
 * `oauth_authorizations` are read models of the App* events. `oauth_codes` and
 * `oauth_refresh_tokens` are write-side state, like `mailed_tokens`: the sha256 of each
 * outstanding code and refresh token (never the token), changed in the transactions
 * that use them up, and never in the log.
 */
export async function up(db: Db): Promise<void> {
  await sql`
    create table oauth_apps (
      client_id text primary key,
      name text not null,
      website text,
      redirect_uris text not null,
      scopes text not null,
      client_secret_hash text not null,
      created_at timestamptz not null
    )`.execute(db);
  await sql`
    create table oauth_authorizations (
      authorization_id text primary key,
      client_id text not null,
      user_id text,
      scopes text not null,
      created_at timestamptz not null,
      ended_at timestamptz
    )`.execute(db);
  await sql`create index oauth_authorizations_by_user on oauth_authorizations (user_id, created_at)`.execute(db);
  await sql`
    create table oauth_codes (
      code_hash text primary key,
      client_id text not null,
      user_id text not null,
      redirect_uri text not null,
      scopes text not null,
      code_challenge text,
      code_challenge_method text,
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index oauth_codes_expiry on oauth_codes (expires_at)`.execute(db);
  await sql`
    create table oauth_refresh_tokens (
      token_hash text primary key,
      authorization_id text not null
    )`.execute(db);
  await sql`create index oauth_refresh_tokens_by_authorization on oauth_refresh_tokens (authorization_id)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table oauth_refresh_tokens`.execute(db);
  await sql`drop table oauth_codes`.execute(db);
  await sql`drop table oauth_authorizations`.execute(db);
  await sql`drop table oauth_apps`.execute(db);
}
