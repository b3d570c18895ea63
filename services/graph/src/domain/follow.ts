import { refuse, type Aggregate } from '@starling/kit';
import { newEvent, UserFollowed, UserUnfollowed } from '@starling/events';

/** One stream per ordered pair: whether `follower` follows `followee` right now. */
export interface FollowState {
  following: boolean;
}

export const followStream = (followerId: string, followeeId: string) => `follow-${followerId}-${followeeId}`;

export const follow: Aggregate<FollowState> = {
  initial: { following: false },
  evolve(state, event) {
    switch (event.type) {
      case UserFollowed.type:
        return { following: true };
      case UserUnfollowed.type:
        return { following: false };
      default:
        return state;
    }
  },
};

/** Nobody follows themselves. */
export function mayFollow(followerId: string, followeeId: string): void {
  if (followerId === followeeId) throw refuse.invalid([{ field: 'id', reason: 'you cannot follow yourself' }]);
}

/** The event that makes the pair follow (`wanted`) or not; none when it already is so. */
export function decideFollowing(state: FollowState, followerId: string, followeeId: string, wanted: boolean) {
  if (state.following === wanted) return [];
  const data = { follower_id: followerId, followee_id: followeeId };
  return [wanted ? newEvent(UserFollowed, data) : newEvent(UserUnfollowed, data)];
}
