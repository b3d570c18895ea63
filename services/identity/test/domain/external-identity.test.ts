import { describe, expect, it } from 'vitest';
import { ExternalIdentityLinked, ExternalIdentityUnlinked } from '@starling/events';
import { baseUsername, decideUnlinking, usernameCandidates } from '../../src/domain/external-identity.js';
import { user, type UserState } from '../../src/domain/user.js';

describe('the username a first external sign-in starts from', () => {
  it.each([
    [{ preferredUsername: 'ada.lovelace' }, 'ada_lovelace'],
    [{ preferredUsername: 'x', email: 'grace.hopper@navy.test' }, 'x_user'],
    [{ email: 'grace.hopper@navy.test', name: 'Grace' }, 'grace_hopper'],
    [{ name: 'Émilie du Châtelet' }, 'Emilie_du_Chatelet'],
    [{ name: '李小龙' }, 'user'],
    [{}, 'user'],
    [{ preferredUsername: 'a'.repeat(50) }, 'a'.repeat(30)],
  ])('%j → %s', (profile, expected) => {
    const name = baseUsername(profile);
    expect(name).toBe(expected);
    expect(name).toMatch(/^[A-Za-z0-9_]{3,30}$/);
  });

  it('is made unique with a suffix that keeps it within 30 characters', () => {
    const tries = [...usernameCandidates('b'.repeat(30), 12)];
    expect(tries[0]).toBe('b'.repeat(30));
    expect(tries[1]).toBe(`${'b'.repeat(28)}_2`);
    expect(tries[11]).toBe(`${'b'.repeat(27)}_12`);
    for (const t of tries) expect(t).toMatch(/^[A-Za-z0-9_]{3,30}$/);
  });
});

describe('unlinking an identity', () => {
  const state = (passwordHash: string, ids: string[]): UserState => ({
    ...user.initial,
    exists: true,
    id: 'u1',
    passwordHash,
    identities: ids.map((id) => ({ id, provider: 'p', subject: `s-${id}` })),
  });

  it('is allowed while a password or another identity remains', () => {
    expect(decideUnlinking(state('scrypt$…', ['a']), 'a').id).toBe('a');
    expect(decideUnlinking(state('', ['a', 'b']), 'b').id).toBe('b');
  });

  it('is refused for the last way to sign in, and for an identity the account does not have', () => {
    expect(() => decideUnlinking(state('', ['a']), 'a')).toThrow(/only way to sign in/);
    expect(() => decideUnlinking(state('scrypt$…', ['a']), 'zz')).toThrow(/no linked identity/);
  });
});

describe('a user’s linked identities', () => {
  it('are folded from ExternalIdentityLinked and ExternalIdentityUnlinked', () => {
    const at = new Date('2026-12-06T00:00:00Z');
    const event = (type: string, data: Record<string, unknown>, n: number) =>
      ({ type, data, streamVersion: n, recordedAt: at }) as unknown as Parameters<typeof user.evolve>[1];
    const linked = (id: string, n: number) =>
      event(
        ExternalIdentityLinked.type,
        { identity_id: id, user_id: 'u1', provider: 'p', subject: id, email_verified: true },
        n,
      );
    const state = [
      linked('a', 1),
      linked('b', 2),
      event(ExternalIdentityUnlinked.type, { identity_id: 'a', user_id: 'u1', provider: 'p', subject: 'a' }, 3),
    ].reduce(user.evolve, user.initial);
    expect(state.identities).toEqual([{ id: 'b', provider: 'p', subject: 'b' }]);
  });
});
