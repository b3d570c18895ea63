import type { Projection } from '@starling/kit';
import { TweetDeleted, TweetPosted, payloadOf } from '@starling/events';
import type { NotifyDb } from '../tables.js';

/** `tweets`, from the tweets service's events: what a notification about a tweet shows. */
export const tweetsProjection: Projection = {
  name: 'notify.tweets',
  source: 'tweets',
  tables: ['tweets'],
  types: [TweetPosted.type, TweetDeleted.type],
  async handle(event, trx) {
    const db: NotifyDb = trx;
    if (event.type === TweetPosted.type) {
      const d = payloadOf(TweetPosted, event);
      await db
        .insertInto('tweets')
        .values({
          id: d.tweet_id,
          author_id: d.author_id,
          body: d.body,
          in_reply_to_author_id: d.in_reply_to_author_id ?? null,
          created_at: event.recordedAt,
          deleted: false,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      return;
    }
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
