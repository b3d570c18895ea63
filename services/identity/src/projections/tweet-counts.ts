import { batchingRuns, type Projection, type RecordedEvent } from '@starling/kit';
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
  // Runs of posts go in two statements, whatever their length.
  handleBatch: batchingRuns([TweetPosted.type], (run, trx) => posted(trx, run)),
  async handle(event, trx) {
    const db: IdentityDb = trx;
    if (event.type === TweetPosted.type) return posted(db, [event]);
    const d = payloadOf(TweetDeleted, event);
    const deleted = await db
      .updateTable('authored_tweets')
      .set({ deleted: true })
      .where('tweet_id', '=', d.tweet_id)
      .where('deleted', '=', false)
      .returning('tweet_id')
      .execute();
    if (deleted.length > 0) {
      await count(db, [{ user_id: d.author_id, tweets_count: -1, modified_at: event.recordedAt }]);
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

/**
 * Posts: each tweet not known yet becomes live, and each author's count moves by the
 * number of theirs that did, in one statement for all the authors.
 */
async function posted(db: IdentityDb, events: RecordedEvent[]): Promise<void> {
  const posts = events.map((event) => ({ ...payloadOf(TweetPosted, event), at: event.recordedAt }));
  const inserted = await db
    .insertInto('authored_tweets')
    .values(posts.map((d) => ({ tweet_id: d.tweet_id, author_id: d.author_id, deleted: false })))
    .onConflict((oc) => oc.column('tweet_id').doNothing())
    .returning('tweet_id')
    .execute();
  const fresh = new Set(inserted.map((r) => r.tweet_id));
  const steps = new Map<string, { tweets_count: number; modified_at: Date }>();
  for (const d of posts) {
    if (!fresh.delete(d.tweet_id)) continue;
    const step = steps.get(d.author_id) ?? { tweets_count: 0, modified_at: d.at };
    step.tweets_count += 1;
    if (d.at > step.modified_at) step.modified_at = d.at;
    steps.set(d.author_id, step);
  }
  await count(
    db,
    [...steps].map(([user_id, step]) => ({ user_id, ...step })),
  );
}

/** Moves each account's count by its step; `modified_at` only ever goes forward. */
async function count(db: IdentityDb, steps: { user_id: string; tweets_count: number; modified_at: Date }[]) {
  if (steps.length === 0) return;
  await db
    .insertInto('tweet_counts')
    .values(steps)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet((eb) => ({
        tweets_count: eb('tweet_counts.tweets_count', '+', eb.ref('excluded.tweets_count')),
        modified_at: eb.fn<Date>('greatest', ['tweet_counts.modified_at', 'excluded.modified_at']),
      })),
    )
    .execute();
}
