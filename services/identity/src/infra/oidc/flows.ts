import { createHash } from 'node:crypto';
import type { IdentityDb } from '../../tables.js';

/** How long a sign-in may take at the provider before its flow is forgotten. */
export const FLOW_TTL_SECONDS = 600;

/** What a sign-in under way must remember until its callback: nothing of it leaves the server. */
export interface Flow {
  provider: string;
  nonce: string;
  codeVerifier: string;
  /** The signed-in account to link the identity to; undefined for a sign-in. */
  linkUserId: string | undefined;
}

/** A flow is found by its state's sha256: the table alone lets no one finish a flow. */
const stateHash = (state: string) => createHash('sha256').update(state).digest('base64url');

export async function keepFlow(db: IdentityDb, state: string, flow: Flow): Promise<void> {
  await db
    .insertInto('external_login_flows')
    .values({
      state_hash: stateHash(state),
      provider: flow.provider,
      nonce: flow.nonce,
      code_verifier: flow.codeVerifier,
      link_user_id: flow.linkUserId ?? null,
      expires_at: new Date(Date.now() + FLOW_TTL_SECONDS * 1000),
    })
    .execute();
  // Flows abandoned at the provider: a few dropped with each new one keep the table small.
  await db
    .deleteFrom('external_login_flows')
    .where('state_hash', 'in', (eb) =>
      eb.selectFrom('external_login_flows').select('state_hash').where('expires_at', '<', new Date()).limit(100),
    )
    .execute();
}

/** Takes the flow of `state` if it is live: deleted as it is read, so each flow finishes once. */
export async function takeFlow(db: IdentityDb, state: string): Promise<Flow | undefined> {
  const row = await db
    .deleteFrom('external_login_flows')
    .where('state_hash', '=', stateHash(state))
    .returningAll()
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() < Date.now()) return undefined;
  return {
    provider: row.provider,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    linkUserId: row.link_user_id ?? undefined,
  };
}
