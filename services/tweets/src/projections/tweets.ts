import type { Projection } from '@starling/kit';
import {
  TweetDeleted,
  TweetLiked,
  TweetPosted,
  TweetReposted,
  TweetUnliked,
  TweetUnreposted,
  payloadOf,
} from '@starling/events';
import { sql } from 'kysely';
import { tweetRowOf } from '../read-models.js';

/**
 * `tweets`: every live tweet, with its entities, what it replies to and its counts;
 * `likes` and `reposts`: who likes and reposts which live tweet.
 *
 * Posting twice inserts once; a deletion removes the row, its likes and its reposts for
 * good, so posted → deleted → posted (a replay) ends deleted only if replayed in order.
 * Replies to a deleted tweet stay, their `in_reply_to_id` unchanged.
 *
 * Every count moves only when its statement really inserted or deleted a row (`returning`
 * tells), so a redelivered event never counts twice, and concurrent likes or reposts,
 * each one row under the primary key, never skew one another. A reply bumps its
 * parent's `reply_count` only if the parent is still here; deleting it takes it back
 * only then too. A like or repost of a tweet not (or no longer) here is not applied.
 */
export const tweetsProjection: Projection = {
  name: 'tweets.tweets',
  source: 'tweets',
  tables: ['tweets', 'likes', 'reposts'],
  types: [
    TweetPosted.type,
    TweetDeleted.type,
    TweetLiked.type,
    TweetUnliked.type,
    TweetReposted.type,
    TweetUnreposted.type,
  ],
  async handle(event, trx) {
    switch (event.type) {
      case TweetPosted.type: {
        const row = tweetRowOf(event);
        const { rows } = await sql`
          insert into tweets (id, author_id, author_username, author_key, body, created_at, version, modified_at,
                              entities, in_reply_to_id, in_reply_to_author_id)
          values (${row.id}, ${row.author_id}, ${row.author_username}, ${row.author_username.toLowerCase()},
                  ${row.body}, ${row.created_at}, ${row.version}, ${event.recordedAt},
                  ${JSON.stringify(row.entities)}::jsonb, ${row.in_reply_to_id}, ${row.in_reply_to_author_id})
          on conflict (id) do nothing
          returning id`.execute(trx);
        if (rows.length > 0 && row.in_reply_to_id !== null) {
          await sql`update tweets set reply_count = reply_count + 1, modified_at = greatest(modified_at, ${event.recordedAt}) where id = ${row.in_reply_to_id}`.execute(
            trx,
          );
        }
        return;
      }
      case TweetDeleted.type: {
        const id = payloadOf(TweetDeleted, event).tweet_id;
        await sql`delete from likes where tweet_id = ${id}`.execute(trx);
        await sql`delete from reposts where tweet_id = ${id}`.execute(trx);
        const { rows } = await sql<{ in_reply_to_id: string | null }>`
          delete from tweets where id = ${id} returning in_reply_to_id`.execute(trx);
        const parent = rows[0]?.in_reply_to_id;
        if (parent)
          await sql`update tweets set reply_count = reply_count - 1, modified_at = greatest(modified_at, ${event.recordedAt}) where id = ${parent}`.execute(
            trx,
          );
        return;
      }
      case TweetLiked.type: {
        const d = payloadOf(TweetLiked, event);
        const { rows } = await sql`
          insert into likes (tweet_id, user_id, username, liked_at)
          select ${d.tweet_id}, ${d.user_id}, ${d.username}, ${event.recordedAt}
          where exists (select 1 from tweets where id = ${d.tweet_id})
          on conflict (tweet_id, user_id) do nothing
          returning tweet_id`.execute(trx);
        if (rows.length > 0) {
          await sql`update tweets set like_count = like_count + 1, modified_at = greatest(modified_at, ${event.recordedAt}) where id = ${d.tweet_id}`.execute(
            trx,
          );
        }
        return;
      }
      case TweetUnliked.type: {
        const d = payloadOf(TweetUnliked, event);
        const { rows } = await sql`
          delete from likes where tweet_id = ${d.tweet_id} and user_id = ${d.user_id}
          returning tweet_id`.execute(trx);
        if (rows.length > 0) {
          await sql`update tweets set like_count = like_count - 1, modified_at = greatest(modified_at, ${event.recordedAt}) where id = ${d.tweet_id}`.execute(
            trx,
          );
        }
        return;
      }
      case TweetReposted.type: {
        const d = payloadOf(TweetReposted, event);
        const { rows } = await sql`
          insert into reposts (tweet_id, user_id, username, repost_id, reposted_at)
          select ${d.tweet_id}, ${d.user_id}, ${d.username}, ${d.repost_id}, ${event.recordedAt}
          where exists (select 1 from tweets where id = ${d.tweet_id})
          on conflict (tweet_id, user_id) do nothing
          returning tweet_id`.execute(trx);
        if (rows.length > 0) {
          await sql`update tweets set repost_count = repost_count + 1, modified_at = greatest(modified_at, ${event.recordedAt}) where id = ${d.tweet_id}`.execute(
            trx,
          );
        }
        return;
      }
      case TweetUnreposted.type: {
        const d = payloadOf(TweetUnreposted, event);
        const { rows } = await sql`
          delete from reposts where tweet_id = ${d.tweet_id} and user_id = ${d.user_id}
          returning tweet_id`.execute(trx);
        if (rows.length > 0) {
          await sql`update tweets set repost_count = repost_count - 1, modified_at = greatest(modified_at, ${event.recordedAt}) where id = ${d.tweet_id}`.execute(
            trx,
          );
        }
        return;
      }
    }
  },
};
