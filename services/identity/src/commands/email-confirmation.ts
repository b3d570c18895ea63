import { appendToStream, loadAggregate, problems, refuse, type Caller, type Db } from '@starling/kit';
import { EmailVerified, newEvent } from '@starling/events';
import { emailKey, mustBeLive, user, userStream } from '../domain/user.js';
import type { AccountMail } from './account-mail.js';
import { dropTokens, useToken } from './mailed-tokens.js';

type Write = <T>(fn: (trx: Db) => Promise<T>) => Promise<T>;

/**
 * Mails the signed-in caller a fresh link that confirms their current address. An
 * address confirmed already is a conflict; an account that has had its share of such
 * mails this window waits (429).
 */
export async function resendConfirmation(
  deps: { db: Db; write: Write; mail: AccountMail },
  caller: Caller,
): Promise<void> {
  const { state } = await loadAggregate(deps.db, userStream(caller.userId), user);
  mustBeLive(state, caller.userId);
  if (state.emailVerified) throw refuse.conflict('Your email address is confirmed already.');
  const { retryAfter } = await deps.mail.allow('confirm-email', caller.userId);
  if (retryAfter !== undefined) {
    throw problems.tooManyRequests(retryAfter, 'A confirmation link was mailed several times lately. Try later.');
  }
  await deps.write(async (trx) => {
    const loaded = await loadAggregate(trx, userStream(caller.userId), user);
    mustBeLive(loaded.state, caller.userId);
    if (loaded.state.emailVerified) return;
    await deps.mail.confirmEmail(trx, loaded.state, { actor_id: caller.userId });
  });
}

/**
 * Confirms the address a mailed token was sent to (EmailVerified), if the account has
 * it still: a link mailed to an address changed since confirms nothing. Needs no
 * sign-in, since the link is opened from a mail client; the token is the proof.
 */
export async function confirmEmail(deps: { write: Write }, token: string): Promise<void> {
  await deps.write(async (trx) => {
    const used = await useToken(trx, token, 'confirm-email');
    if (!used) throw refuse.invalid([{ field: 'token', reason: 'is unknown, expired or already used' }]);
    const { state, version } = await loadAggregate(trx, userStream(used.userId), user);
    if (!state.exists || state.deleted || emailKey(used.email) !== emailKey(state.email)) {
      throw refuse.invalid([{ field: 'token', reason: 'was mailed to an address this account no longer has' }]);
    }
    await dropTokens(trx, used.userId, 'confirm-email');
    if (state.emailVerified) return;
    await appendToStream(trx, userStream(used.userId), version, [
      { ...newEvent(EmailVerified, { user_id: used.userId, email: state.email }), metadata: { actor_id: used.userId } },
    ]);
  });
}
