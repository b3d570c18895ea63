import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@starling/kit';
import type { IdentityDb, TokenPurpose } from '../tables.js';

/** A token for a mailed link: 32 random bytes, base64url. */
export const newToken = () => randomBytes(32).toString('base64url');

/** What is stored of a token: its sha256, so a leaked table opens no account. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Records a token as mailed to `email` for `purpose`, usable for `ttlSeconds`. */
export async function keepToken(
  trx: Db,
  token: string,
  mailed: { userId: string; purpose: TokenPurpose; email: string; ttlSeconds: number },
): Promise<void> {
  const db: IdentityDb = trx;
  await db
    .insertInto('mailed_tokens')
    .values({
      token_hash: tokenHash(token),
      user_id: mailed.userId,
      purpose: mailed.purpose,
      email: mailed.email,
      expires_at: new Date(Date.now() + mailed.ttlSeconds * 1000),
    })
    .execute();
  // Expired tokens say nothing any more; dropping a few with each new one keeps the table small.
  await db
    .deleteFrom('mailed_tokens')
    .where('token_hash', 'in', (eb) =>
      eb.selectFrom('mailed_tokens').select('token_hash').where('expires_at', '<', new Date()).limit(100),
    )
    .execute();
}

export interface UsedToken {
  userId: string;
  email: string;
}

/**
 * Uses up a token: removes it and answers whom it was for, or undefined when it is
 * unknown, used already, for another purpose or expired. The delete is what makes it
 * single-use: of two requests racing with one token, only one removes the row.
 */
export async function useToken(trx: Db, token: string, purpose: TokenPurpose): Promise<UsedToken | undefined> {
  const db: IdentityDb = trx;
  const row = await db
    .deleteFrom('mailed_tokens')
    .where('token_hash', '=', tokenHash(token))
    .where('purpose', '=', purpose)
    .returning(['user_id', 'email', 'expires_at'])
    .executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() <= Date.now()) return undefined;
  return { userId: row.user_id, email: row.email };
}

/** Ends every outstanding token of an account (for one purpose, or all). */
export async function dropTokens(trx: Db, userId: string, purpose?: TokenPurpose): Promise<void> {
  const db: IdentityDb = trx;
  let query = db.deleteFrom('mailed_tokens').where('user_id', '=', userId);
  if (purpose) query = query.where('purpose', '=', purpose);
  await query.execute();
}
