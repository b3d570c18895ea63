import { batchingRuns, type Projection, type RecordedEvent } from '@starling/kit';
import { TweetDeleted, TweetPosted, payloadOf } from '@starling/events';
import type { NotifyDb } from '../tables.js';

/** `tweets`, from the tweets service's events: what a notification about a tweet shows. */
export const tweetsProjection: Projection = {
  name: 'notify.tweets',
  source: 'tweets',
  tables: ['tweets'],
  types: [TweetPosted.type, TweetDeleted.type],
  // Runs of posts go in one insert.
  handleBatch: batchingRuns([TweetPosted.type], (run, trx) => posted(trx, run)),
  async handle(event, trx) {
    const db: NotifyDb = trx;
    if (event.type === TweetPosted.type) return posted(db, [event]);
    const d = payloadOf(TweetDeleted, event);
    // A tombstone, so a like that arrives after the deletion finds the tweet gone.
    await db
      .insertInto('tweets')
      .values({
        id: d.tweet_id,
        author_id: d.author_id,
        body: '',
        in_reply_to_author_id: null,
        created_at: event.recordedAt,
        deleted: true,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet({ deleted: true, body: '' }))
      .execute();
  },
};

/** Posts not known yet, inserted in one statement. */
async function posted(db: NotifyDb, events: RecordedEvent[]): Promise<void> {
  await db
    .insertInto('tweets')
    .values(
      events.map((event) => ({
        ...liveTweetRow(event),
        in_reply_to_author_id: payloadOf(TweetPosted, event).in_reply_to_author_id ?? null,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** A posted tweet as both of notify's tweet tables hold it, live. */
export function liveTweetRow(event: RecordedEvent) {
  const d = payloadOf(TweetPosted, event);
  return { id: d.tweet_id, author_id: d.author_id, body: d.body, created_at: event.recordedAt, deleted: false };
}
