import { describe, expect, it } from 'vitest';
import { checkExpectedVersion, Refusal, type Caller, type Loaded } from '@starling/kit';
import {
  AdminRoleGranted,
  EmailVerified,
  newEvent,
  PasswordChanged,
  UserDeleted,
  UserProfileUpdated,
  UserRegistered,
} from '@starling/events';
import { callerOf, expectedOf, given, recorded } from '../../../../test/support/given-events.js';
import { hashPassword, verifyPassword } from '../../src/domain/password.js';
import {
  emailKey,
  evolveAll,
  mayChange,
  mustBeLive,
  user,
  usernameKey,
  userStream,
  type UserState,
} from '../../src/domain/user.js';
import { userRowOf } from '../../src/read-models.js';

const ID = 'user-1';
const stream = userStream(ID);
const registeredAt = new Date('2026-11-30T12:00:00Z');
const registered = {
  ...newEvent(UserRegistered, {
    user_id: ID,
    username: 'Alice',
    email: 'alice@example.com',
    name: 'Alice A.',
    bio: 'Hi',
    password_hash: 'scrypt$old',
  }),
  recordedAt: registeredAt,
};
const deleted = newEvent(UserDeleted, { user_id: ID, username: 'Alice' });

/**
 * The commands' guard before changing or deleting an account (`changeUser`, `deleteUser`):
 * the caller may change it, it is registered and not deleted, and the client read its
 * current version. Then the decided events.
 */
const change =
  (who: Caller, events: (state: UserState) => ReturnType<typeof newEvent>[], ifMatch?: string) =>
  ({ state, version }: Loaded<UserState>) => {
    mayChange(who, ID);
    mustBeLive(state, ID);
    checkExpectedVersion(expectedOf(ifMatch), version);
    return events(state);
  };
const deleteIt = (state: UserState) => [newEvent(UserDeleted, { user_id: ID, username: state.username })];

describe('a user', () => {
  it('is registered with what UserRegistered says, created when it was recorded', () => {
    const { state, version } = given(user, stream, [registered]);
    expect(version).toBe(1);
    expect(state).toEqual({
      exists: true,
      deleted: false,
      id: ID,
      username: 'Alice',
      email: 'alice@example.com',
      emailVerified: false,
      name: 'Alice A.',
      bio: 'Hi',
      passwordHash: 'scrypt$old',
      identities: [],
      role: 'user',
      createdAt: registeredAt,
    });
  });

  it('has an empty bio when registered without one (version 1 events have none)', () => {
    const { bio: _bio, ...withoutBio } = registered.data;
    const v1 = { ...registered, schemaVersion: 1, data: withoutBio };
    expect(given(user, stream, [v1]).state.bio).toBe('');
  });

  it('is what the command answers with: the same fold, at the version appended', () => {
    // registerUser and changeUser answer with `userRowOf(evolveAll(…))` over what they appended.
    const events = recorded(stream, [registered, newEvent(UserProfileUpdated, { user_id: ID, name: 'Al' })]);
    const row = userRowOf(evolveAll(user.initial, events), 2);
    expect(row).toMatchObject({ id: ID, username: 'Alice', name: 'Al', bio: 'Hi', version: 2 });
    expect(evolveAll(user.initial, events)).toEqual(given(user, stream, [registered, events[1]!]).state);
  });

  it('takes profile updates field by field, leaving the others as they were', () => {
    const named = given(user, stream, [registered, newEvent(UserProfileUpdated, { user_id: ID, name: 'Al' })]).state;
    expect(named).toMatchObject({ name: 'Al', email: 'alice@example.com', bio: 'Hi' });
    const moved = given(user, stream, [
      registered,
      newEvent(UserProfileUpdated, { user_id: ID, email: 'a@new.example' }),
    ]).state;
    expect(moved).toMatchObject({ name: 'Alice A.', email: 'a@new.example', bio: 'Hi' });
  });

  it('has its address confirmed by EmailVerified for that address, and unconfirmed by a new one', () => {
    const verified = newEvent(EmailVerified, { user_id: ID, email: 'alice@example.com' });
    expect(given(user, stream, [registered]).state.emailVerified).toBe(false);
    expect(given(user, stream, [registered, verified]).state.emailVerified).toBe(true);
    const moved = newEvent(UserProfileUpdated, { user_id: ID, email: 'a@new.example' });
    expect(given(user, stream, [registered, verified, moved]).state.emailVerified).toBe(false);
    // A confirmation of the old address, recorded after the move, confirms nothing.
    expect(given(user, stream, [registered, moved, verified]).state.emailVerified).toBe(false);
    const renamed = newEvent(UserProfileUpdated, { user_id: ID, name: 'Al' });
    expect(given(user, stream, [registered, verified, renamed]).state.emailVerified).toBe(true);
  });

  it('loses its bio to an empty one: an update to "" removes it', () => {
    const { state } = given(user, stream, [registered, newEvent(UserProfileUpdated, { user_id: ID, bio: '' })]);
    expect(state.bio).toBe('');
    expect(state.name).toBe('Alice A.');
  });

  it('checks passwords against the latest PasswordChanged only', async () => {
    const oldHash = await hashPassword('old secret');
    const newHash = await hashPassword('new secret');
    const { state } = given(user, stream, [
      { ...registered, data: { ...registered.data, password_hash: oldHash } },
      newEvent(PasswordChanged, { user_id: ID, password_hash: newHash }),
    ]);
    expect(await verifyPassword('new secret', state.passwordHash)).toBe(true);
    expect(await verifyPassword('old secret', state.passwordHash)).toBe(false);
  });

  it('is made an admin once: granting it again appends nothing', () => {
    // grantAdmin's decision: nothing to do for an admin.
    const grant = ({ state }: Loaded<UserState>) =>
      state.role === 'admin' ? [] : [newEvent(AdminRoleGranted, { user_id: ID })];
    const admin = given(user, stream, [registered])
      .when(grant)
      .then([{ type: 'AdminRoleGranted', data: { user_id: ID } }]);
    expect(admin.state.role).toBe('admin');
    given(user, stream, [registered, newEvent(AdminRoleGranted, { user_id: ID })])
      .when(grant)
      .thenNothing();
  });
});

describe('changing or deleting a user', () => {
  it('may be done by its owner or an admin, by nobody else', () => {
    const profile = [registered];
    given(user, stream, profile)
      .when(change(callerOf(ID), deleteIt))
      .then([{ type: 'UserDeleted', data: { user_id: ID, username: 'Alice' } }]);
    given(user, stream, profile)
      .when(change(callerOf('user-admin', 'admin'), deleteIt))
      .then([expect.objectContaining({ type: 'UserDeleted' })]);
    given(user, stream, profile)
      .when(change(callerOf('user-other'), deleteIt))
      .thenRefused(403);
    expect(() => mayChange(callerOf('user-other'), ID)).toThrow(Refusal);
  });

  it('is refused for an account deleted or never registered', () => {
    const after = given(user, stream, [registered])
      .when(change(callerOf(ID), deleteIt))
      .then([expect.objectContaining({ type: 'UserDeleted' })]);
    expect(after.state).toMatchObject({ deleted: true, username: 'Alice' });
    given(user, stream, [registered, deleted])
      .when(change(callerOf(ID), deleteIt))
      .thenRefused(404);
    given(user, stream, [registered, deleted])
      .when(change(callerOf('user-admin', 'admin'), () => [newEvent(UserProfileUpdated, { user_id: ID, name: 'x' })]))
      .thenRefused(404);
    given(user, stream)
      .when(change(callerOf(ID), deleteIt))
      .thenRefused(404);
  });

  it('is done only at the version the client read: its ETag, counting every event', () => {
    const history = [
      registered,
      newEvent(UserProfileUpdated, { user_id: ID, name: 'Al' }),
      newEvent(PasswordChanged, { user_id: ID, password_hash: 'scrypt$new' }),
    ];
    const current = given(user, stream, history);
    expect(current.version).toBe(3);
    current.when(change(callerOf(ID), deleteIt, '"3"')).then([expect.objectContaining({ type: 'UserDeleted' })]);
    current.when(change(callerOf(ID), deleteIt, '"2", "3"')).then([expect.objectContaining({ type: 'UserDeleted' })]);
    current.when(change(callerOf(ID), deleteIt, '"2"')).thenRefused(412);
    current.when(change(callerOf(ID), deleteIt, '"garbage"')).thenRefused(412);
  });
});

describe('usernames and emails', () => {
  it('are unique without regard to case: their claim keys fold case', () => {
    expect(usernameKey('Alice')).toBe(usernameKey('aLICE'));
    expect(usernameKey('alice')).not.toBe(usernameKey('alice_'));
    expect(emailKey('  Alice@Example.COM ')).toBe('alice@example.com');
  });
});
