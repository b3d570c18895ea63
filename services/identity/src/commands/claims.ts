import { refuse } from '@starling/kit';
import { emailKey, usernameKey } from '../domain/user.js';
import type { IdentityDb } from '../tables.js';

/** Claims an email for a user; a case-insensitive duplicate is a 409 on `email`. */
export async function claimEmail(trx: IdentityDb, email: string, userId: string): Promise<void> {
  const claimed = await trx
    .insertInto('email_claims')
    .values({ email_key: emailKey(email), user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
    throw refuse.conflict('That email is already in use.', [{ field: 'email', reason: 'is already in use' }]);
  }
}

export async function releaseEmail(trx: IdentityDb, email: string, userId: string): Promise<void> {
  await trx.deleteFrom('email_claims').where('email_key', '=', emailKey(email)).where('user_id', '=', userId).execute();
}

export async function releaseUsername(trx: IdentityDb, username: string, userId: string): Promise<void> {
  await trx
    .deleteFrom('username_claims')
    .where('username_key', '=', usernameKey(username))
    .where('user_id', '=', userId)
    .execute();
}
