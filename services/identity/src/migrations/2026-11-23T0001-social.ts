import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * Bios, and what identity learns from the graph's and the tweets' logs to show counts,
 * relationships and suggestions without reading their tables.
 */
export async function up(db: Db): Promise<void> {
  await sql`alter table users add column bio text not null default ''`.execute(db);

  // Who follows whom (from graph's UserFollowed/UserUnfollowed) and the counts they move.
  await sql`
    create table relationships (
      follower_id text not null,
      followee_id text not null,
      followed_at timestamptz not null,
      primary key (follower_id, followee_id)
    )`.execute(db);
  // (`following` and `followed_by` are primary-key lookups.) Covering, so suggestions
  // read a followee's most recent follows from the index alone.
  await sql`create index relationships_recent on relationships (follower_id, followed_at desc) include (followee_id)`.execute(
    db,
  );
  await sql`
    create table relationship_counts (
      user_id text primary key,
      followers_count integer not null default 0,
      following_count integer not null default 0
    )`.execute(db);
  // Suggestions walk the most followed accounts first.
  await sql`create index relationship_counts_popular on relationship_counts (followers_count desc, user_id desc)`.execute(
    db,
  );

  // Every tweet ever posted, by author; a deleted one stays as a tombstone so a
  // redelivered TweetPosted cannot bring it (and its count) back.
  await sql`
    create table authored_tweets (
      tweet_id text primary key,
      author_id text not null,
      deleted boolean not null
    )`.execute(db);
  await sql`create table tweet_counts (user_id text primary key, tweets_count integer not null default 0)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  for (const table of ['tweet_counts', 'authored_tweets', 'relationship_counts', 'relationships']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`alter table users drop column if exists bio`.execute(db);
}
