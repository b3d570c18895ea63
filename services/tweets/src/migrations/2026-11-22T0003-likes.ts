import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/** Who likes which tweet, and each tweet's count of likes. */
export async function up(db: Db): Promise<void> {
  await sql`alter table tweets add column like_count integer not null default 0`.execute(db);
  await sql`create table likes (
    tweet_id text not null,
    user_id text not null,
    username text not null,
    liked_at timestamptz not null,
    primary key (tweet_id, user_id)
  )`.execute(db);
  // Finds an account's likes in the log when it is deleted.
  await sql`create index events_like_user on events ((data->>'user_id')) where type = 'TweetLiked'`.execute(db);
  // Keyset paging of a tweet's likers, newest like first.
  await sql`create index likes_by_tweet on likes (tweet_id, liked_at desc, user_id desc)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table if exists likes`.execute(db);
  await sql`drop index if exists events_like_user`.execute(db);
  await sql`alter table tweets drop column if exists like_count`.execute(db);
}
