import type { Aggregate } from '@starling/kit';
import { UserFollowed, UserUnfollowed } from '@starling/events';

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
