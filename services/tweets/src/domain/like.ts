import type { Aggregate } from '@starling/kit';
import { TweetLiked, TweetUnliked } from '@starling/events';

/** One stream per (tweet, user) pair: whether the user likes the tweet right now. */
export interface LikeState {
  liked: boolean;
}

export const likeStream = (tweetId: string, userId: string) => `like-${tweetId}-${userId}`;

export const like: Aggregate<LikeState> = {
  initial: { liked: false },
  evolve(state, event) {
    switch (event.type) {
      case TweetLiked.type:
        return { liked: true };
      case TweetUnliked.type:
        return { liked: false };
      default:
        return state;
    }
  },
};
