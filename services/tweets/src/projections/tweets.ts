import { batchingRuns, type Projection, type RecordedEvent } from '@starling/kit';
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
import type { LikesTable, RepostsTable, TweetsDb } from '../tables.js';

/** A tweet's count moved by one, and its representation changed no earlier than `at`. */
async function bump(
  db: TweetsDb,
  id: string,
  count: 'like_count' | 'repost_count' | 'reply_count',
  delta: 1 | -1,
  at: Date,
): Promise<void> {
  await db
    .updateTable('tweets')
    .set((eb) => ({
      [count]: eb(count, '+', delta),
      modified_at: eb.fn<Date>('greatest', ['modified_at', eb.val(at)]),
    }))
    .where('id', '=', id)
    .execute();
}

/**
 * Posts, in one statement: each tweet not here yet is inserted, and each reply among
 * those inserted then bumps its parent's `reply_count` (a parent posted earlier in the
 * same run is in by then, as it would be one event at a time).
 */
async function posted(db: TweetsDb, events: RecordedEvent[]): Promise<void> {
  const rows = events.map((event) => ({ row: tweetRowOf(event), at: event.recordedAt }));
  const inserted = await db
    .insertInto('tweets')
    .values(
      rows.map(({ row, at }) => ({
        id: row.id,
        author_id: row.author_id,
        author_username: row.author_username,
        author_key: row.author_username.toLowerCase(),
        body: row.body,
        created_at: row.created_at,
        version: row.version,
        modified_at: at,
        entities: JSON.stringify(row.entities),
        in_reply_to_id: row.in_reply_to_id,
        in_reply_to_author_id: row.in_reply_to_author_id,
        media_ids: row.media_ids,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  const fresh = new Set(inserted.map((r) => r.id));
  for (const { row, at } of rows) {
    if (row.in_reply_to_id !== null && fresh.delete(row.id)) await bump(db, row.in_reply_to_id, 'reply_count', 1, at);
  }
}

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
  // Runs of posts (most of what a busy log holds) go in one insert.
  handleBatch: batchingRuns([TweetPosted.type], (run, trx) => posted(trx, run)),
  async handle(event, trx) {
    const db: TweetsDb = trx;
    switch (event.type) {
      case TweetPosted.type:
        return posted(db, [event]);
      case TweetDeleted.type: {
        const id = payloadOf(TweetDeleted, event).tweet_id;
        await db.deleteFrom('likes').where('tweet_id', '=', id).execute();
        await db.deleteFrom('reposts').where('tweet_id', '=', id).execute();
        const deleted = await db.deleteFrom('tweets').where('id', '=', id).returning('in_reply_to_id').execute();
        const parent = deleted[0]?.in_reply_to_id;
        if (parent) await bump(db, parent, 'reply_count', -1, event.recordedAt);
        return;
      }
      case TweetLiked.type: {
        const d = payloadOf(TweetLiked, event);
        // Raw: an insert from a select that applies the like only while its tweet is here.
        const { rows } = await sql<Pick<LikesTable, 'tweet_id'>>`
          insert into likes (tweet_id, user_id, username, liked_at)
          select ${d.tweet_id}, ${d.user_id}, ${d.username}, ${event.recordedAt}
          where exists (select 1 from tweets where id = ${d.tweet_id})
          on conflict (tweet_id, user_id) do nothing
          returning tweet_id`.execute(trx);
        if (rows.length > 0) {
          await bump(db, d.tweet_id, 'like_count', 1, event.recordedAt);
        }
        return;
      }
      case TweetUnliked.type: {
        const d = payloadOf(TweetUnliked, event);
        const deleted = await db
          .deleteFrom('likes')
          .where('tweet_id', '=', d.tweet_id)
          .where('user_id', '=', d.user_id)
          .returning('tweet_id')
          .execute();
        if (deleted.length > 0) {
          await bump(db, d.tweet_id, 'like_count', -1, event.recordedAt);
        }
        return;
      }
      case TweetReposted.type: {
        const d = payloadOf(TweetReposted, event);
        // Raw: an insert from a select that applies the repost only while its tweet is here.
        const { rows } = await sql<Pick<RepostsTable, 'tweet_id'>>`
          insert into reposts (tweet_id, user_id, username, repost_id, reposted_at)
          select ${d.tweet_id}, ${d.user_id}, ${d.username}, ${d.repost_id}, ${event.recordedAt}
          where exists (select 1 from tweets where id = ${d.tweet_id})
          on conflict (tweet_id, user_id) do nothing
          returning tweet_id`.execute(trx);
        if (rows.length > 0) {
          await bump(db, d.tweet_id, 'repost_count', 1, event.recordedAt);
        }
        return;
      }
      case TweetUnreposted.type: {
        const d = payloadOf(TweetUnreposted, event);
        const deleted = await db
          .deleteFrom('reposts')
          .where('tweet_id', '=', d.tweet_id)
          .where('user_id', '=', d.user_id)
          .returning('tweet_id')
          .execute();
        if (deleted.length > 0) {
          await bump(db, d.tweet_id, 'repost_count', -1, event.recordedAt);
        }
        return;
      }
    }
  },
};
