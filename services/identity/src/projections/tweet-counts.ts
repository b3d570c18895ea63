import type { Db, Projection } from '@starling/kit';
import { TweetDeleted, TweetPosted, payloadOf } from '@starling/events';
import { sql } from 'kysely';

/**
 * `authored_tweets` and `tweet_counts`: each account's live tweets (replies included),
 * learnt from the tweets service's log. A deleted tweet stays as a tombstone, so a
 * TweetPosted delivered again, even after its deletion, finds the row and counts
 * nothing; the count moves only when a row really went from absent to live or from
 * live to deleted. An account's deletion reaches here as its tweets' TweetDeleted.
 */
export const tweetCountsProjection: Projection = {
  name: 'identity.tweet-counts',
  source: 'tweets',
  tables: ['authored_tweets', 'tweet_counts'],
  types: [TweetPosted.type, TweetDeleted.type],
  async handle(event, trx) {
    if (event.type === TweetPosted.type) {
      const d = payloadOf(TweetPosted, event);
      const { rows } = await sql`
        insert into authored_tweets (tweet_id, author_id, deleted) values (${d.tweet_id}, ${d.author_id}, false)
        on conflict (tweet_id) do nothing
        returning tweet_id`.execute(trx);
      if (rows.length > 0) await count(trx, d.author_id, 1, event.recordedAt);
      return;
    }
    const d = payloadOf(TweetDeleted, event);
    const { rows } = await sql`
      update authored_tweets set deleted = true where tweet_id = ${d.tweet_id} and not deleted
      returning tweet_id`.execute(trx);
    if (rows.length > 0) {
      await count(trx, d.author_id, -1, event.recordedAt);
      return;
    }
    // Never seen posted (or already deleted): leave a tombstone, count nothing.
    await sql`
      insert into authored_tweets (tweet_id, author_id, deleted) values (${d.tweet_id}, ${d.author_id}, true)
      on conflict (tweet_id) do nothing`.execute(trx);
  },
};

async function count(trx: Db, userId: string, step: 1 | -1, at: Date | string): Promise<void> {
  await sql`
    insert into tweet_counts (user_id, tweets_count, modified_at) values (${userId}, ${step}, ${at})
    on conflict (user_id) do update set tweets_count = tweet_counts.tweets_count + excluded.tweets_count,
      modified_at = greatest(tweet_counts.modified_at, excluded.modified_at)`.execute(trx);
}
