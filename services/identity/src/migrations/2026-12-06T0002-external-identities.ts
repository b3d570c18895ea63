import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * Sign-in with external providers (OpenID Connect, GitHub).
 * - `external_identity_claims`: which account holds a provider's subject, claimed in the
 *   transaction that links it (write-side, like the name claims), so one identity never
 *   signs in to two accounts.
 * - `external_identities`: the read model of each account's linked identities.
 * - `external_login_flows`: sign-ins under way, by the sha256 of their `state`; each is
 *   taken (deleted) once by the callback that finishes it, so a flow cannot be replayed.
 */
export async function up(db: Db): Promise<void> {
  await sql`
    create table external_identity_claims (
      provider text not null,
      subject text not null,
      user_id text not null,
      identity_id text not null,
      primary key (provider, subject)
    )`.execute(db);
  await sql`create index external_identity_claims_by_user on external_identity_claims (user_id)`.execute(db);
  await sql`
    create table external_identities (
      id text primary key,
      user_id text not null,
      provider text not null,
      subject text not null,
      email text,
      linked_at timestamptz not null
    )`.execute(db);
  await sql`create index external_identities_by_user on external_identities (user_id, linked_at)`.execute(db);
  await sql`
    create table external_login_flows (
      state_hash text primary key,
      provider text not null,
      nonce text not null,
      code_verifier text not null,
      link_user_id text,
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index external_login_flows_expiry on external_login_flows (expires_at)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table external_login_flows`.execute(db);
  await sql`drop table external_identities`.execute(db);
  await sql`drop table external_identity_claims`.execute(db);
}
