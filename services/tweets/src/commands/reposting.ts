import { newId } from '@starling/kit';
import { newEvent, TweetReposted, TweetUnreposted } from '@starling/events';
import { repost, repostStream } from '../domain/repost.js';
import type { Reaction } from './set-reaction.js';

/**
 * Each repost gets a new time-sortable `repost_id`: where it sorts in timelines, fixed
 * in the event so every replay puts it in the same place. One's own tweets may be
 * reposted too.
 */
export const reposting: Reaction = {
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
