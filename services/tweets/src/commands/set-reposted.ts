import { newId, type Caller, type Db } from '@starling/kit';
import { newEvent, TweetReposted, TweetUnreposted } from '@starling/events';
import { repost, repostStream } from '../domain/repost.js';
import { setReaction, type Reaction } from './set-reaction.js';

/**
 * Each repost gets a new time-sortable `repost_id`: where it sorts in timelines, fixed
 * in the event so every replay puts it in the same place. One's own tweets may be
 * reposted too.
 */
const reposting: Reaction = {
  noun: 'repost',
  stream: repostStream,
  aggregate: repost,
  event: (wanted, target, caller, tweetId) =>
    wanted
      ? newEvent(TweetReposted, {
          tweet_id: tweetId,
          author_id: target.authorId,
          user_id: caller.userId,
          username: caller.username,
          repost_id: newId(),
        })
      : newEvent(TweetUnreposted, { tweet_id: tweetId, author_id: target.authorId, user_id: caller.userId }),
};

/** Makes the caller repost (or stop reposting) a tweet; idempotent. */
export const setReposted = (
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  caller: Caller,
  tweetId: string,
  wanted: boolean,
  requestId: string,
) => setReaction(write, reposting, caller, tweetId, wanted, requestId);
