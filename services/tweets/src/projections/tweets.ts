import type { Projection } from '@starling/kit';
import { TweetDeleted, TweetPosted, type PayloadOf } from '@starling/events';
import { sql } from 'kysely';
import { tweetRowOf } from '../read-models.js';

/**
 * `tweets`: every live tweet. Posting twice inserts once; a deletion removes the row
 * for good, so posted → deleted → posted (a replay) ends deleted only if replayed in order.
 */
export const tweetsProjection: Projection = {
  name: 'tweets.tweets',
  source: 'tweets',
  tables: ['tweets'],
  types: [TweetPosted.type, TweetDeleted.type],
  async handle(event, trx) {
    if (event.type === TweetPosted.type) {
      const row = tweetRowOf(event);
      await sql`
        insert into tweets (id, author_id, author_username, author_key, body, created_at, version)
        values (${row.id}, ${row.author_id}, ${row.author_username}, ${row.author_username.toLowerCase()},
                ${row.body}, ${row.created_at}, ${row.version})
        on conflict (id) do nothing`.execute(trx);
    } else {
      await sql`delete from tweets where id = ${(event.data as PayloadOf<typeof TweetDeleted>).tweet_id}`.execute(trx);
    }
  },
};
