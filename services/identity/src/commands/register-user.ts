import { appendToStream, newId, refuse, type Db } from '@starling/kit';
import { newEvent, UserRegistered } from '@starling/events';
import type { IdentityDb } from '../tables.js';
import { hashPassword } from '../domain/password.js';
import { evolveAll, user, userStream, usernameKey } from '../domain/user.js';
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
    const db: IdentityDb = trx;
    const claimed = await db
      .insertInto('username_claims')
      .values({ username_key: usernameKey(input.username), user_id: id })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw refuse.conflict('That username is taken.', [{ field: 'username', reason: 'is already taken' }]);
    }
    await claimEmail(trx, input.email, id);
    const appended = await appendToStream(trx, userStream(id), 0, [
      newEvent(UserRegistered, {
        user_id: id,
        username: input.username,
        email: input.email.trim(),
        name: input.name?.trim() || input.username,
        // Recorded only when there is one; no bio and an empty one are the same.
        ...(input.bio?.trim() ? { bio: input.bio.trim() } : {}),
        password_hash: passwordHash,
      }),
    ]);
    const state = evolveAll(user.initial, appended.events);
    await mail.confirmEmail(trx, state, { actor_id: id });
    return userRowOf(state, appended.version);
  });
}
