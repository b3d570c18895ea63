import { appendToStream, loadAggregate, type Consumer } from '@starling/kit';
import { newEvent, TweetDeleted, TweetUnliked, TweetUnreposted, UserDeleted, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import { like } from '../domain/like.js';
import { repost } from '../domain/repost.js';
import { tweet, tweetStream } from '../domain/tweet.js';

/**
 * When an account is deleted (an identity event), its tweets are deleted too: one
 * TweetDeleted per live tweet, found in this service's own log. Tweets already
 * deleted are skipped, so a redelivered UserDeleted changes nothing. Likewise the
 * account's likes end: one TweetUnliked per like still standing, and its reposts: one
 * TweetUnreposted per repost still standing (so timelines drop them too).
 */
export const accountDeletions: Consumer = {
  name: 'tweets.account-deletions',
  source: 'identity',
  types: [UserDeleted.type],
  async handle(event, trx) {
    const { user_id } = payloadOf(UserDeleted, event);
    const { rows } = await sql<{ stream_id: string }>`
      select stream_id from events where type = 'TweetPosted' and data->>'author_id' = ${user_id}`.execute(trx);
    for (const { stream_id } of rows) {
      const id = stream_id.slice('tweet-'.length);
      const { state, version } = await loadAggregate(trx, tweetStream(id), tweet);
      if (state.deleted) continue;
      await appendToStream(trx, stream_id, version, [
        {
          ...newEvent(TweetDeleted, { tweet_id: id, author_id: user_id, reason: 'account_deleted' }),
          metadata: { causation_id: event.eventId },
        },
      ]);
    }
    const likes = await sql<{ stream_id: string; tweet_id: string }>`
      select distinct stream_id, data->>'tweet_id' as tweet_id from events
      where type = 'TweetLiked' and data->>'user_id' = ${user_id}`.execute(trx);
    for (const { stream_id, tweet_id } of likes.rows) {
      const { state, version } = await loadAggregate(trx, stream_id, like);
      if (!state.on) continue;
      await appendToStream(trx, stream_id, version, [
        {
          ...newEvent(TweetUnliked, { tweet_id, user_id }),
          metadata: { causation_id: event.eventId },
        },
      ]);
    }
    const reposts = await sql<{ stream_id: string; tweet_id: string; author_id: string }>`
      select distinct stream_id, data->>'tweet_id' as tweet_id, data->>'author_id' as author_id from events
      where type = 'TweetReposted' and data->>'user_id' = ${user_id}`.execute(trx);
    for (const { stream_id, tweet_id, author_id } of reposts.rows) {
      const { state, version } = await loadAggregate(trx, stream_id, repost);
      if (!state.on) continue;
      await appendToStream(trx, stream_id, version, [
        {
          ...newEvent(TweetUnreposted, { tweet_id, author_id, user_id }),
          metadata: { causation_id: event.eventId },
        },
      ]);
    }
  },
};
