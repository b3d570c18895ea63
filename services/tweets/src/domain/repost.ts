import type { Aggregate } from '@starling/kit';
import { TweetReposted, TweetUnreposted } from '@starling/events';

/** One stream per (tweet, user) pair, like likes: whether the user reposts the tweet right now. */
export interface RepostState {
  reposted: boolean;
}

export const repostStream = (tweetId: string, userId: string) => `repost-${tweetId}-${userId}`;

export const repost: Aggregate<RepostState> = {
  initial: { reposted: false },
  evolve(state, event) {
    switch (event.type) {
      case TweetReposted.type:
        return { reposted: true };
      case TweetUnreposted.type:
        return { reposted: false };
      default:
        return state;
    }
  },
};
