import { appendToStream, loadAggregate, refuse, type Db } from '@starling/kit';
import { newEvent, PasswordChanged } from '@starling/events';
import { hashPassword } from '../domain/password.js';
import { emailKey, user, userStream } from '../domain/user.js';
import type { IdentityDb } from '../tables.js';
import type { AccountMail } from './account-mail.js';
import { dropTokens, tokenHash, useToken } from './mailed-tokens.js';
import { endOtherSessions } from './sessions.js';

type Write = <T>(fn: (trx: Db) => Promise<T>) => Promise<T>;

const UNUSABLE = { field: 'token', reason: 'is unknown, expired or already used' };

/**
 * Mails a password-reset link to the account with `email`, if there is one and the
 * address has not had its share of such mails this window. The caller learns neither:
 * whoever asks gets the same answer, so the form tells no one which addresses have
 * accounts. For the same reason both paths count the request against the address, and
 * the mail is committed without waiting for the read models (nothing here reads them
 * back), which could take long enough to tell.
 */
export async function requestPasswordReset(deps: { db: Db; mail: AccountMail }, email: string): Promise<void> {
  const { retryAfter } = await deps.mail.allow('password-reset', emailKey(email));
  const db: IdentityDb = deps.db;
  const claim = await db
    .selectFrom('email_claims')
    .select('user_id')
    .where('email_key', '=', emailKey(email))
    .executeTakeFirst();
  if (!claim || retryAfter !== undefined) return;
  await deps.db.transaction().execute(async (trx) => {
    const { state } = await loadAggregate(trx, userStream(claim.user_id), user);
    if (!state.exists || state.deleted) return;
    await deps.mail.passwordReset(trx, state);
  });
}

/**
 * Sets a new password with a mailed token: the token is used up, every other reset
 * token of the account dies with it, and every session ends as a password change ends
 * them (PasswordChanged, then SessionEnded for each).
 */
export async function resetPassword(
  deps: { db: Db; write: Write },
  input: { token: string; password: string },
): Promise<void> {
  // A cheap look first: a made-up token must not cost a 32 MiB password hash.
  const db: IdentityDb = deps.db;
  const known = await db
    .selectFrom('mailed_tokens')
    .select('token_hash')
    .where('token_hash', '=', tokenHash(input.token))
    .where('purpose', '=', 'password-reset')
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  if (!known) throw refuse.invalid([UNUSABLE]);
  const passwordHash = await hashPassword(input.password);
  await deps.write(async (trx) => {
    const used = await useToken(trx, input.token, 'password-reset');
    if (!used) throw refuse.invalid([UNUSABLE]);
    const { state, version } = await loadAggregate(trx, userStream(used.userId), user);
    if (!state.exists || state.deleted) throw refuse.invalid([UNUSABLE]);
    await dropTokens(trx, used.userId, 'password-reset');
    await appendToStream(trx, userStream(used.userId), version, [
      {
        ...newEvent(PasswordChanged, { user_id: used.userId, password_hash: passwordHash }),
        metadata: { actor_id: used.userId },
      },
    ]);
    await endOtherSessions(trx, used.userId, undefined, used.userId);
  });
}
