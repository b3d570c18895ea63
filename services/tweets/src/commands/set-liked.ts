import type { Caller, Db } from '@starling/kit';
import { newEvent, TweetLiked, TweetUnliked } from '@starling/events';
import { like, likeStream } from '../domain/like.js';
import { setReaction, type Reaction } from './set-reaction.js';

const liking: Reaction = {
  noun: 'like',
  stream: likeStream,
  aggregate: like,
  event: (wanted, _target, caller, tweetId) =>
    wanted
      ? newEvent(TweetLiked, { tweet_id: tweetId, user_id: caller.userId, username: caller.username })
      : newEvent(TweetUnliked, { tweet_id: tweetId, user_id: caller.userId }),
};

/** Makes the caller like (or stop liking) a tweet; idempotent. */
export const setLiked = (
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  caller: Caller,
  tweetId: string,
  wanted: boolean,
  requestId: string,
) => setReaction(write, liking, caller, tweetId, wanted, requestId);
