import { randomBytes } from 'node:crypto';
import { appendToStream, readStream, type Db } from '@starling/kit';
import { AppAuthorizationEnded, AppAuthorized, newEvent, payloadOf } from '@starling/events';
import { authorizationStream } from '../domain/apps.js';
import type { IdentityDb } from '../tables.js';
import { tokenHash } from './mailed-tokens.js';

/** An authorization's id: the `sid` of every token issued under it. */
export const newAuthorizationId = () => randomBytes(18).toString('base64url');

/** An authorization code or refresh token: 32 random bytes, base64url. */
export const newSecret = () => randomBytes(32).toString('base64url');

export interface CodeGrant {
  clientId: string;
  userId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string | undefined;
  codeChallengeMethod?: string | undefined;
  expiresAt: Date;
}

/** Keeps an authorization code's hash until it is exchanged or expires. */
export async function keepCode(trx: Db, code: string, grant: CodeGrant): Promise<void> {
  const db: IdentityDb = trx;
  await db
    .insertInto('oauth_codes')
    .values({
      code_hash: tokenHash(code),
      client_id: grant.clientId,
      user_id: grant.userId,
      redirect_uri: grant.redirectUri,
      scopes: grant.scopes.join(' '),
      code_challenge: grant.codeChallenge ?? null,
      code_challenge_method: grant.codeChallenge ? (grant.codeChallengeMethod ?? 'S256') : null,
      expires_at: grant.expiresAt,
    })
    .execute();
  // Codes never exchanged say nothing once expired; a few go with each new one.
  await db
    .deleteFrom('oauth_codes')
    .where('code_hash', 'in', (eb) =>
      eb.selectFrom('oauth_codes').select('code_hash').where('expires_at', '<', new Date()).limit(100),
    )
    .execute();
}

/** What a code was issued for, without using it up: undefined when unknown or used. */
export async function findCode(db: IdentityDb, code: string): Promise<CodeGrant | undefined> {
  const row = await db
    .selectFrom('oauth_codes')
    .selectAll()
    .where('code_hash', '=', tokenHash(code))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    clientId: row.client_id,
    userId: row.user_id,
    redirectUri: row.redirect_uri,
    scopes: row.scopes.split(' ').filter(Boolean),
    codeChallenge: row.code_challenge ?? undefined,
    codeChallengeMethod: row.code_challenge_method ?? undefined,
    expiresAt: new Date(row.expires_at),
  };
}

/** Uses up a code: of two exchanges racing with one code, only one removes the row. */
export async function useCode(db: IdentityDb, code: string): Promise<boolean> {
  const used = await db.deleteFrom('oauth_codes').where('code_hash', '=', tokenHash(code)).executeTakeFirst();
  return used.numDeletedRows > 0n;
}

/**
 * Opens an authorization: a user's consent to an app (or, with no user, an app's token
 * for itself), and the hash of its first refresh token, if it has one.
 */
export async function authorizeApp(
  trx: Db,
  authorization: { id: string; clientId: string; userId: string | null; scopes: string[]; refreshToken?: string },
  requestId: string,
): Promise<void> {
  await appendToStream(trx, authorizationStream(authorization.id), 0, [
    {
      ...newEvent(AppAuthorized, {
        authorization_id: authorization.id,
        client_id: authorization.clientId,
        user_id: authorization.userId,
        scopes: authorization.scopes,
      }),
      metadata: { request_id: requestId, ...(authorization.userId ? { actor_id: authorization.userId } : {}) },
    },
  ]);
  if (authorization.refreshToken) await keepRefreshToken(trx, authorization.id, authorization.refreshToken);
}

export async function keepRefreshToken(trx: Db, authorizationId: string, refreshToken: string): Promise<void> {
  const db: IdentityDb = trx;
  await db
    .insertInto('oauth_refresh_tokens')
    .values({ token_hash: tokenHash(refreshToken), authorization_id: authorizationId })
    .execute();
}

/** Uses up a refresh token (it is rotated): only one of two racing refreshes gets it. */
export async function useRefreshToken(trx: Db, refreshToken: string): Promise<boolean> {
  const db: IdentityDb = trx;
  const used = await db
    .deleteFrom('oauth_refresh_tokens')
    .where('token_hash', '=', tokenHash(refreshToken))
    .executeTakeFirst();
  return used.numDeletedRows > 0n;
}

/** The authorization a refresh token belongs to, if it is still current. */
export async function refreshTokenOwner(db: IdentityDb, refreshToken: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('oauth_refresh_tokens')
    .select('authorization_id')
    .where('token_hash', '=', tokenHash(refreshToken))
    .executeTakeFirst();
  return row?.authorization_id;
}

/**
 * Ends an authorization, once: its refresh token is dropped, and the event tells every
 * process to refuse its access tokens, the last of which expires `tokenTtlSeconds` from
 * now at the latest. Answers whether it was open (and `who` may end it).
 */
export async function endAuthorization(
  trx: Db,
  authorizationId: string,
  actor: { userId?: string; clientId?: string; requestId: string },
  tokenTtlSeconds: number,
): Promise<boolean> {
  const stream = authorizationStream(authorizationId);
  const events = await readStream(trx, stream);
  const started = events.find((e) => e.type === AppAuthorized.type);
  if (!started || events.some((e) => e.type === AppAuthorizationEnded.type)) return false;
  const authorized = payloadOf(AppAuthorized, started);
  const mayEnd =
    (actor.userId !== undefined && authorized.user_id === actor.userId) ||
    (actor.clientId !== undefined && authorized.client_id === actor.clientId);
  if (!mayEnd) return false;
  await appendToStream(trx, stream, events.length, [
    {
      ...newEvent(AppAuthorizationEnded, {
        authorization_id: authorizationId,
        client_id: authorized.client_id,
        user_id: authorized.user_id,
        expires_at: new Date(Date.now() + tokenTtlSeconds * 1000).toISOString(),
      }),
      metadata: { request_id: actor.requestId, ...(actor.userId ? { actor_id: actor.userId } : {}) },
    },
  ]);
  const db: IdentityDb = trx;
  await db.deleteFrom('oauth_refresh_tokens').where('authorization_id', '=', authorizationId).execute();
  return true;
}
