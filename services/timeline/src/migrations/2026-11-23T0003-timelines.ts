import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * The timelines' read models (see docs/timelines.md): the timeline's own copy of the
 * tweets it shows, who follows whom, the fanned-out home timelines, and the buffer the
 * live streams read from. (It also created `authors`, the display names, which
 * @starling/authors' migration now does.)
 */
export async function up(db: Db): Promise<void> {
  // Every live tweet, with its live counts; `entities` as posted (or parsed from a v1 body).
  await sql`
    create table tweets (
      id text primary key,
      author_id text not null,
      author_username text not null,
      body text not null,
      entities jsonb not null,
      in_reply_to_id text,
      in_reply_to_author_id text,
      created_at timestamptz not null,
      like_count integer not null default 0,
      repost_count integer not null default 0,
      reply_count integer not null default 0
    )`.execute(db);
  // An author's tweets newest first: own tweets and big accounts' tweets merged at read time.
  await sql`create index tweets_by_author on tweets (author_id, id desc)`.execute(db);

  await sql`
    create table likes (
      tweet_id text not null,
      user_id text not null,
      primary key (tweet_id, user_id)
    )`.execute(db);

  // `repost_id` is the repost's time-sortable id: where it sorts in home timelines.
  await sql`
    create table reposts (
      tweet_id text not null,
      user_id text not null,
      username text not null,
      repost_id text not null unique,
      primary key (tweet_id, user_id)
    )`.execute(db);
  await sql`create index reposts_by_user on reposts (user_id, repost_id desc)`.execute(db);

  // Hashtags by `tagKey`, newest tweet first.
  await sql`
    create table tweet_tags (
      tag_key text not null,
      tweet_id text not null,
      primary key (tag_key, tweet_id)
    )`.execute(db);
  await sql`create index tweet_tags_by_tweet on tweet_tags (tweet_id)`.execute(db);

  // Who follows whom, from the graph's events, and how many followers each account has
  // (a row only while it has any): more than FANOUT_MAX_FOLLOWERS makes it a big account.
  await sql`
    create table follows (
      follower_id text not null,
      followee_id text not null,
      primary key (follower_id, followee_id)
    )`.execute(db);
  await sql`create index follows_by_followee on follows (followee_id, follower_id)`.execute(db);
  await sql`
    create table follower_counts (
      user_id text primary key,
      followers integer not null check (followers > 0)
    )`.execute(db);

  // The fanned-out home timelines: for each owner the newest HOME_TIMELINE_LENGTH entries
  // by the accounts they follow that are not big. `entry_key` is the tweet's id for a
  // tweet and the repost's id for a repost; `actor_id` is the author or the reposter.
  await sql`
    create table home_entries (
      owner_id text not null,
      entry_key text not null,
      tweet_id text not null,
      actor_id text not null,
      kind text not null check (kind in ('tweet', 'repost')),
      primary key (owner_id, entry_key)
    )`.execute(db);
  await sql`create index home_entries_by_tweet on home_entries (tweet_id)`.execute(db);
  await sql`create index home_entries_by_actor on home_entries (actor_id, owner_id)`.execute(db);

  // The live streams' delivery buffer (not a read model): one row per arrival or deletion
  // and per account it concerns, numbered in commit order; pruned by age and size.
  await sql`
    create table stream_events (
      seq bigint generated always as identity primary key,
      event_id text not null,
      actor_id text not null,
      kind text not null check (kind in ('tweet', 'repost', 'delete')),
      tweet_id text not null,
      entry_key text not null,
      buffered_at timestamptz not null default now(),
      unique (event_id, actor_id)
    )`.execute(db);
  await sql`create index stream_events_by_time on stream_events (buffered_at)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'stream_events',
    'home_entries',
    'follower_counts',
    'follows',
    'tweet_tags',
    'reposts',
    'likes',
    'tweets',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
