import { describe, expect, it } from 'vitest';
import { problemOfRefusal, Refusal, type Loaded } from '@starling/kit';
import { newEvent, UserFollowed, UserUnfollowed } from '@starling/events';
import { callerOf, given } from '../../../../test/support/given-events.js';
import { setFollowing } from '../../src/commands/set-following.js';
import { decideFollowing, follow, followStream, type FollowState } from '../../src/domain/follow.js';

const ALICE = 'user-alice';
const BOB = 'user-bob';
const pair = { follower_id: ALICE, followee_id: BOB };

/**
 * What `setFollowing` decides once both accounts are known live (`decideFollowing`): an
 * event only when the pair is not already as wanted.
 */
const setTo =
  (wanted: boolean) =>
  ({ state }: Loaded<FollowState>) =>
    decideFollowing(state, ALICE, BOB, wanted);

const aliceFollowsBob = (past: Parameters<typeof given>[2] = []) => given(follow, followStream(ALICE, BOB), past);

describe('a follow (one stream per ordered pair)', () => {
  it('follows someone not followed yet', () => {
    const after = aliceFollowsBob()
      .when(setTo(true))
      .then([{ type: 'UserFollowed', data: pair }]);
    expect(after).toMatchObject({ state: { following: true }, version: 1 });
  });

  it('cannot follow twice: following again appends nothing', () => {
    aliceFollowsBob([newEvent(UserFollowed, pair)])
      .when(setTo(true))
      .thenNothing();
  });

  it('unfollows someone followed, and can follow them again afterwards', () => {
    const unfollowed = aliceFollowsBob([newEvent(UserFollowed, pair)])
      .when(setTo(false))
      .then([{ type: 'UserUnfollowed', data: pair }]);
    expect(unfollowed).toMatchObject({ state: { following: false }, version: 2 });

    aliceFollowsBob([newEvent(UserFollowed, pair), newEvent(UserUnfollowed, pair)])
      .when(setTo(true))
      .then([{ type: 'UserFollowed', data: pair }]);
  });

  it('unfollowing someone never followed appends nothing', () => {
    aliceFollowsBob().when(setTo(false)).thenNothing();
    aliceFollowsBob([newEvent(UserFollowed, pair), newEvent(UserUnfollowed, pair)])
      .when(setTo(false))
      .thenNothing();
  });

  it('is decided by the last word of the stream, whatever came before', () => {
    const history = [
      newEvent(UserFollowed, pair),
      newEvent(UserUnfollowed, pair),
      newEvent(UserFollowed, pair),
      newEvent(UserUnfollowed, pair),
      newEvent(UserFollowed, pair),
    ];
    const loaded = aliceFollowsBob(history);
    // The version the command appends at (and the next event's version) counts every event.
    expect(loaded).toMatchObject({ state: { following: true }, version: 5 });
    loaded.when(setTo(true)).thenNothing();
    expect(loaded.when(setTo(false)).then([{ type: 'UserUnfollowed', data: pair }]).appended[0]!.version).toBe(6);
  });

  it('keeps each direction apart: the reverse follow is another stream', () => {
    expect(followStream(ALICE, BOB)).not.toBe(followStream(BOB, ALICE));
    // Bob following Alice says nothing of whether Alice follows Bob.
    const bobFollowsAlice = given(follow, followStream(BOB, ALICE), [
      newEvent(UserFollowed, { follower_id: BOB, followee_id: ALICE }),
    ]);
    expect(bobFollowsAlice.state.following).toBe(true);
    aliceFollowsBob()
      .when(setTo(true))
      .then([{ type: 'UserFollowed', data: pair }]);
  });
});

describe('setFollowing', () => {
  const caller = callerOf(ALICE, 'user', 'alice');
  // The refusal comes before any transaction: a write reaching the store fails the test.
  const noWrite = () => Promise.reject(new Error('nothing may be written'));

  it.each([true, false])('refuses following (%s) yourself, before writing anything', async (wanted) => {
    const refusal = await setFollowing(noWrite, caller, ALICE, wanted, 'req').catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(Refusal);
    const problem = problemOfRefusal(refusal as Refusal);
    expect(problem).toMatchObject({ status: 400, errors: [{ field: 'id', reason: 'you cannot follow yourself' }] });
  });
});
