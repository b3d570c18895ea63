import type { Projection } from '@starling/kit';
import { TweetDeleted, TweetPosted, payloadOf } from '@starling/events';
import type { IdentityDb } from '../tables.js';

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
    const db: IdentityDb = trx;
    if (event.type === TweetPosted.type) {
      const d = payloadOf(TweetPosted, event);
      const inserted = await db
        .insertInto('authored_tweets')
        .values({ tweet_id: d.tweet_id, author_id: d.author_id, deleted: false })
        .onConflict((oc) => oc.column('tweet_id').doNothing())
        .returning('tweet_id')
        .execute();
      if (inserted.length > 0) await count(db, d.author_id, 1, event.recordedAt);
      return;
    }
    const d = payloadOf(TweetDeleted, event);
    const deleted = await db
      .updateTable('authored_tweets')
      .set({ deleted: true })
      .where('tweet_id', '=', d.tweet_id)
      .where('deleted', '=', false)
      .returning('tweet_id')
      .execute();
    if (deleted.length > 0) {
      await count(db, d.author_id, -1, event.recordedAt);
      return;
    }
    // Never seen posted (or already deleted): leave a tombstone, count nothing.
    await db
      .insertInto('authored_tweets')
      .values({ tweet_id: d.tweet_id, author_id: d.author_id, deleted: true })
      .onConflict((oc) => oc.column('tweet_id').doNothing())
      .execute();
  },
};

async function count(db: IdentityDb, userId: string, step: 1 | -1, at: Date): Promise<void> {
  await db
    .insertInto('tweet_counts')
    .values({ user_id: userId, tweets_count: step, modified_at: at })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet((eb) => ({
        tweets_count: eb('tweet_counts.tweets_count', '+', eb.ref('excluded.tweets_count')),
        modified_at: eb.fn<Date>('greatest', ['tweet_counts.modified_at', 'excluded.modified_at']),
      })),
    )
    .execute();
}
