import type { Projection } from '@starling/kit';
import { TweetDeleted, TweetLiked, TweetPosted, TweetUnliked, type PayloadOf } from '@starling/events';
import { sql } from 'kysely';
import { tweetRowOf } from '../read-models.js';

/**
 * `tweets`: every live tweet, with its `like_count`; `likes`: who likes which live tweet.
 * Posting twice inserts once; a deletion removes the row and its likes for good, so
 * posted → deleted → posted (a replay) ends deleted only if replayed in order. A like
 * or unlike moves `like_count` only when it actually inserted or deleted a `likes` row,
 * so a redelivered event never counts twice; a like of a tweet not (or no longer) here
 * is not applied.
 */
export const tweetsProjection: Projection = {
  name: 'tweets.tweets',
  source: 'tweets',
  tables: ['tweets', 'likes'],
  types: [TweetPosted.type, TweetDeleted.type, TweetLiked.type, TweetUnliked.type],
  async handle(event, trx) {
    switch (event.type) {
      case TweetPosted.type: {
        const row = tweetRowOf(event);
        await sql`
          insert into tweets (id, author_id, author_username, author_key, body, created_at, version)
          values (${row.id}, ${row.author_id}, ${row.author_username}, ${row.author_username.toLowerCase()},
                  ${row.body}, ${row.created_at}, ${row.version})
          on conflict (id) do nothing`.execute(trx);
        return;
      }
      case TweetDeleted.type: {
        const id = (event.data as PayloadOf<typeof TweetDeleted>).tweet_id;
        await sql`delete from likes where tweet_id = ${id}`.execute(trx);
        await sql`delete from tweets where id = ${id}`.execute(trx);
        return;
      }
      case TweetLiked.type: {
        const d = event.data as PayloadOf<typeof TweetLiked>;
        const { rows } = await sql`
          insert into likes (tweet_id, user_id, username, liked_at)
          select ${d.tweet_id}, ${d.user_id}, ${d.username}, ${event.recordedAt}
          where exists (select 1 from tweets where id = ${d.tweet_id})
          on conflict (tweet_id, user_id) do nothing
          returning tweet_id`.execute(trx);
        if (rows.length > 0) {
          await sql`update tweets set like_count = like_count + 1 where id = ${d.tweet_id}`.execute(trx);
        }
        return;
      }
      case TweetUnliked.type: {
        const d = event.data as PayloadOf<typeof TweetUnliked>;
        const { rows } = await sql`
          delete from likes where tweet_id = ${d.tweet_id} and user_id = ${d.user_id}
          returning tweet_id`.execute(trx);
        if (rows.length > 0) {
          await sql`update tweets set like_count = like_count - 1 where id = ${d.tweet_id}`.execute(trx);
        }
        return;
      }
    }
  },
};
