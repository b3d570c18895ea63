import { appendToStream, loadAggregate, newId, type Caller, type Db, type NewEvent } from '@starling/kit';
import { EmailVerified, ExternalIdentityLinked, ExternalIdentityUnlinked, newEvent } from '@starling/events';
import {
  baseUsername,
  decideUnlinking,
  usernameCandidates,
  type ExternalProfile,
} from '../domain/external-identity.js';
import { emailKey, mustBeLive, user, userStream, type UserState } from '../domain/user.js';
import { ExternalLoginFailure } from '../infra/oidc/failure.js';
import type { IdentityDb } from '../tables.js';
import type { AccountMail } from './account-mail.js';
import { appendRegistration, claimUsername } from './register-user.js';

type Write = <T>(fn: (trx: Db) => Promise<T>) => Promise<T>;

/** Who an external sign-in signs in as, and whether that account was made just now. */
export interface SignedInAccount {
  id: string;
  username: string;
  role: 'user' | 'admin';
  created: boolean;
}

/**
 * Who signing in at a provider makes you here. Linking (`linkUserId`: a signed-in owner
 * asked for it) ties the identity to that account. Otherwise the account the identity
 * is tied to signs in; and an identity seen for the first time makes a new account,
 * with a free username made of what the provider tells and no password. An address
 * another account holds is never taken over: its owner signs in and links instead.
 */
/** Whether a sign-in with this identity would make a new account: no account holds it yet. */
export async function wouldRegister(db: IdentityDb, profile: ExternalProfile): Promise<boolean> {
  const claim = await db
    .selectFrom('external_identity_claims')
    .select('user_id')
    .where('provider', '=', profile.provider)
    .where('subject', '=', profile.subject)
    .executeTakeFirst();
  return claim === undefined;
}

export async function signInExternally(
  deps: { write: Write; mail: AccountMail },
  profile: ExternalProfile,
  linkUserId: string | undefined,
): Promise<SignedInAccount> {
  return deps.write(async (trx) => {
    const db: IdentityDb = trx;
    const claim = await db
      .selectFrom('external_identity_claims')
      .select('user_id')
      .where('provider', '=', profile.provider)
      .where('subject', '=', profile.subject)
      .executeTakeFirst();
    if (linkUserId !== undefined) {
      if (claim && claim.user_id !== linkUserId) {
        throw new ExternalLoginFailure('identity_in_use', 'the identity is linked to another account');
      }
      const { state, version } = await loadAggregate(trx, userStream(linkUserId), user);
      if (!state.exists || state.deleted) throw new ExternalLoginFailure('account_gone', 'the account was deleted');
      if (!claim) await link(trx, state, version, profile);
      return account(state, false);
    }
    if (claim) {
      const { state } = await loadAggregate(trx, userStream(claim.user_id), user);
      if (!state.exists || state.deleted) throw new ExternalLoginFailure('account_gone', 'the account was deleted');
      return account(state, false);
    }
    return account(await register(trx, deps.mail, profile), true);
  });
}

const account = (state: UserState, created: boolean): SignedInAccount => ({
  id: state.id,
  username: state.username,
  role: state.role,
  created,
});

/** ExternalIdentityLinked (and EmailVerified, when the provider vouches for the account's own address). */
async function link(trx: IdentityDb, state: UserState, version: number, profile: ExternalProfile) {
  const events = linkEvents(state.id, state.email, state.emailVerified, profile);
  await claimIdentity(trx, profile, state.id, events.identityId);
  await appendToStream(trx, userStream(state.id), version, events.events);
}

function linkEvents(userId: string, email: string, verified: boolean, profile: ExternalProfile) {
  const identityId = newId();
  const events: NewEvent[] = [
    {
      ...newEvent(ExternalIdentityLinked, {
        identity_id: identityId,
        user_id: userId,
        provider: profile.provider,
        subject: profile.subject,
        ...(profile.email ? { email: profile.email } : {}),
        email_verified: profile.emailVerified,
      }),
      metadata: { actor_id: userId },
    },
  ];
  const vouched = profile.emailVerified && profile.email !== undefined && emailKey(profile.email) === emailKey(email);
  if (vouched && !verified) {
    events.push({ ...newEvent(EmailVerified, { user_id: userId, email }), metadata: { actor_id: userId } });
  }
  return { identityId, events };
}

async function claimIdentity(trx: IdentityDb, profile: ExternalProfile, userId: string, identityId: string) {
  const claimed = await trx
    .insertInto('external_identity_claims')
    .values({ provider: profile.provider, subject: profile.subject, user_id: userId, identity_id: identityId })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
    throw new ExternalLoginFailure('identity_in_use', 'the identity was linked by another request meanwhile');
  }
}

/** A new account for a first sign-in: the provider's address, a free username, no password. */
async function register(trx: IdentityDb, mail: AccountMail, profile: ExternalProfile): Promise<UserState> {
  if (!profile.email) throw new ExternalLoginFailure('email_missing', 'the provider shared no email address');
  const id = newId();
  const claimedEmail = await trx
    .insertInto('email_claims')
    .values({ email_key: emailKey(profile.email), user_id: id })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(claimedEmail.numInsertedOrUpdatedRows ?? 0) === 0) {
    throw new ExternalLoginFailure('email_in_use', 'another account holds the address');
  }
  let username: string | undefined;
  for (const candidate of usernameCandidates(baseUsername(profile))) {
    if (await claimUsername(trx, candidate, id)) {
      username = candidate;
      break;
    }
  }
  // Twenty names taken: a random suffix is as good as free.
  if (!username) {
    username = `${baseUsername(profile).slice(0, 21)}_${id.slice(-8).toLowerCase()}`.replace(/[^A-Za-z0-9_]/g, '_');
    if (!(await claimUsername(trx, username, id))) throw new Error('no free username');
  }
  const linked = linkEvents(id, profile.email, false, profile);
  await claimIdentity(trx, profile, id, linked.identityId);
  const { state } = await appendRegistration(
    trx,
    { id, username, email: profile.email, name: profile.name?.slice(0, 100), passwordHash: '' },
    linked.events,
  );
  // An address the provider did not vouch for is confirmed the usual way, by a mailed link.
  if (!state.emailVerified) await mail.confirmEmail(trx, state, { actor_id: id });
  return state;
}

/** The caller unties one of their identities, if another way to sign in remains. */
export async function unlinkIdentity(write: Write, caller: Caller, identityId: string): Promise<void> {
  await write(async (trx) => {
    const { state, version } = await loadAggregate(trx, userStream(caller.userId), user);
    mustBeLive(state, caller.userId);
    const identity = decideUnlinking(state, identityId);
    const db: IdentityDb = trx;
    await db.deleteFrom('external_identity_claims').where('identity_id', '=', identity.id).execute();
    await appendToStream(trx, userStream(caller.userId), version, [
      {
        ...newEvent(ExternalIdentityUnlinked, {
          identity_id: identity.id,
          user_id: caller.userId,
          provider: identity.provider,
          subject: identity.subject,
        }),
        metadata: { actor_id: caller.userId },
      },
    ]);
  });
}

/** An account deleted lets go of its identities: they may sign up afresh. */
export async function releaseIdentities(trx: IdentityDb, userId: string): Promise<void> {
  await trx.deleteFrom('external_identity_claims').where('user_id', '=', userId).execute();
}
