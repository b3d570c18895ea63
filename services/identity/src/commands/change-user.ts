import {
  appendToStream,
  checkExpectedVersion,
  loadAggregate,
  refuse,
  type Caller,
  type Db,
  type ExpectedVersions,
  type NewEvent,
} from '@starling/kit';
import { EmailVerified, newEvent, PasswordChanged, UserDeleted, UserProfileUpdated } from '@starling/events';
import { hashPassword, verifyPassword } from '../domain/password.js';
import { emailKey, evolveAll, mayChange, mustBeLive, user, userStream, type UserState } from '../domain/user.js';
import { findUserView, userRowOf, type UserRow } from '../read-models.js';
import type { AccountMail } from './account-mail.js';
import { claimEmail, releaseEmail, releaseUsername } from './claims.js';
import { releaseIdentities } from './external-identities.js';
import { dropTokens } from './mailed-tokens.js';
import { endOtherSessions } from './sessions.js';

type Write = <T>(fn: (trx: Db) => Promise<T>) => Promise<T>;

/** What a change is checked against and recorded with, besides who asks. */
export interface ChangeRequest {
  /** The versions the caller says it changes (`If-Match`). */
  expected: ExpectedVersions;
  requestId: string;
}

async function loadLive(trx: Db, userId: string): Promise<{ state: UserState; version: number }> {
  const loaded = await loadAggregate(trx, userStream(userId), user);
  mustBeLive(loaded.state, userId);
  return loaded;
}

export interface ProfileChange {
  name?: string | undefined;
  email?: string | undefined;
  /** '' removes the bio. */
  bio?: string | undefined;
  password?: string | undefined;
  current_password?: string | undefined;
}

/**
 * Changes an account. A new address is unconfirmed: it is mailed a link that confirms
 * it (unless the account has had its share of such mails this window; the owner can
 * ask again later), and every link mailed to the old one (confirmation, password
 * reset) stops working. A new password ends the other sessions and every outstanding
 * password-reset link.
 */
export async function changeUser(
  deps: { write: Write; db: Db; mail: AccountMail },
  caller: Caller,
  userId: string,
  change: ProfileChange,
  request: ChangeRequest,
): Promise<UserRow> {
  mayChange(caller, userId);
  // Hashing is slow: do it before the transaction, check the current password inside.
  const newHash = change.password !== undefined ? await hashPassword(change.password) : undefined;
  // The mail allowance is counted outside the transaction, against the address as last read.
  const current = change.email !== undefined ? await findUserView(deps.db, userId, undefined) : undefined;
  const mayMail =
    current !== undefined &&
    change.email !== undefined &&
    emailKey(change.email) !== emailKey(current.email) &&
    (await deps.mail.allow('confirm-email', userId)).retryAfter === undefined;
  return deps.write(async (trx) => {
    const { state, version } = await loadLive(trx, userId);
    checkExpectedVersion(request.expected, version);
    const events: NewEvent[] = [];
    const profile: { user_id: string; name?: string; email?: string; bio?: string } = { user_id: userId };
    if (change.name !== undefined && change.name.trim() !== state.name)
      profile.name = change.name.trim() || state.username;
    let confirm: 'mail' | 'still-verified' | undefined;
    if (change.email !== undefined && emailKey(change.email) !== emailKey(state.email)) {
      await claimEmail(trx, change.email, userId);
      await releaseEmail(trx, state.email, userId);
      // Links mailed to the old address stop working: it may be why the address changed.
      await dropTokens(trx, userId);
      profile.email = change.email.trim();
      if (mayMail) confirm = 'mail';
    } else if (change.email !== undefined && change.email.trim() !== state.email) {
      // The same mailbox spelled otherwise: confirmed still, if it was.
      profile.email = change.email.trim();
      if (state.emailVerified) confirm = 'still-verified';
    }
    if (change.bio !== undefined && change.bio.trim() !== state.bio) profile.bio = change.bio.trim();
    if (profile.name !== undefined || profile.email !== undefined || profile.bio !== undefined)
      events.push(newEvent(UserProfileUpdated, profile));
    if (confirm === 'still-verified' && profile.email !== undefined)
      events.push(newEvent(EmailVerified, { user_id: userId, email: profile.email }));
    if (newHash !== undefined) {
      const resettingOther = caller.role === 'admin' && caller.userId !== userId;
      if (!resettingOther) {
        if (change.current_password === undefined) {
          throw refuse.invalid([{ field: 'current_password', reason: 'is required to change the password' }]);
        }
        if (!(await verifyPassword(change.current_password, state.passwordHash))) {
          throw refuse.invalid([{ field: 'current_password', reason: 'is not your current password' }]);
        }
      }
      events.push(newEvent(PasswordChanged, { user_id: userId, password_hash: newHash }));
    }
    if (events.length === 0) return userRowOf(state, version);
    const appended = await appendToStream(trx, userStream(userId), version, withActor(events, caller, request));
    if (newHash !== undefined) {
      await endOtherSessions(trx, userId, caller.userId === userId ? caller.sessionId : undefined, caller.userId);
      await dropTokens(trx, userId, 'password-reset');
    }
    const changed = evolveAll(state, appended.events);
    if (confirm === 'mail') {
      await deps.mail.confirmEmail(trx, changed, { actor_id: caller.userId, request_id: request.requestId });
    }
    return userRowOf(changed, appended.version);
  });
}

export async function deleteUser(write: Write, caller: Caller, userId: string, request: ChangeRequest): Promise<void> {
  mayChange(caller, userId);
  await write(async (trx) => {
    const { state, version } = await loadLive(trx, userId);
    checkExpectedVersion(request.expected, version);
    await releaseUsername(trx, state.username, userId);
    await releaseEmail(trx, state.email, userId);
    await releaseIdentities(trx, userId);
    await dropTokens(trx, userId);
    await appendToStream(
      trx,
      userStream(userId),
      version,
      withActor([newEvent(UserDeleted, { user_id: userId, username: state.username })], caller, request),
    );
  });
}

const withActor = (events: NewEvent[], caller: Caller, request: ChangeRequest): NewEvent[] =>
  events.map((e) => ({ ...e, metadata: { ...e.metadata, actor_id: caller.userId, request_id: request.requestId } }));
