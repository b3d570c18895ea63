import { appendToStream, newId, refuse, type Db, type NewEvent } from '@starling/kit';
import { newEvent, UserRegistered } from '@starling/events';
import type { IdentityDb } from '../tables.js';
import { hashPassword } from '../domain/password.js';
import { evolveAll, user, userStream, usernameKey, type UserState } from '../domain/user.js';
import { userRowOf, type UserRow } from '../read-models.js';
import type { AccountMail } from './account-mail.js';
import { claimEmail } from './claims.js';

export interface Registration {
  username: string;
  email: string;
  password: string;
  name?: string | undefined;
  bio?: string | undefined;
}

/**
 * Signs a user up: claims the username and email, records UserRegistered, and asks for
 * the mail that confirms the address.
 */
export async function registerUser(
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  mail: AccountMail,
  input: Registration,
): Promise<UserRow> {
  const id = newId();
  const passwordHash = await hashPassword(input.password);
  return write(async (trx) => {
    if (!(await claimUsername(trx, input.username, id))) {
      throw refuse.conflict('That username is taken.', [{ field: 'username', reason: 'is already taken' }]);
    }
    await claimEmail(trx, input.email, id);
    const { state, version } = await appendRegistration(trx, { ...input, id, passwordHash });
    await mail.confirmEmail(trx, state, { actor_id: id });
    return userRowOf(state, version);
  });
}

/** Claims `username` for `userId`: false when another account holds it (in any case). */
export async function claimUsername(trx: IdentityDb, username: string, userId: string): Promise<boolean> {
  const claimed = await trx
    .insertInto('username_claims')
    .values({ username_key: usernameKey(username), user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A new account whose username and email are claimed already. */
export interface NewAccount {
  id: string;
  username: string;
  email: string;
  name?: string | undefined;
  bio?: string | undefined;
  /** '' for an account with no password (made by an external sign-in). */
  passwordHash: string;
}

/** Records UserRegistered, then `more` (said in the same append), on a new user stream. */
export async function appendRegistration(
  trx: Db,
  account: NewAccount,
  more: NewEvent[] = [],
): Promise<{ state: UserState; version: number }> {
  const appended = await appendToStream(trx, userStream(account.id), 0, [
    newEvent(UserRegistered, {
      user_id: account.id,
      username: account.username,
      email: account.email.trim(),
      name: account.name?.trim() || account.username,
      // Recorded only when there is one; no bio and an empty one are the same.
      ...(account.bio?.trim() ? { bio: account.bio.trim() } : {}),
      password_hash: account.passwordHash,
    }),
    ...more,
  ]);
  return { state: evolveAll(user.initial, appended.events), version: appended.version };
}
