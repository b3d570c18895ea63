import { newEvent, TweetLiked, TweetUnliked } from '@starling/events';
import { like, likeStream } from '../domain/like.js';
import type { Reaction } from './set-reaction.js';

/** Liking a tweet, for `setReaction`: TweetLiked on, TweetUnliked off. */
export const liking: Reaction = {
  noun: 'like',
  stream: likeStream,
  aggregate: like,
  event: (wanted, _target, caller, tweetId) =>
    wanted
      ? newEvent(TweetLiked, { tweet_id: tweetId, user_id: caller.userId, username: caller.username })
      : newEvent(TweetUnliked, { tweet_id: tweetId, user_id: caller.userId }),
};
