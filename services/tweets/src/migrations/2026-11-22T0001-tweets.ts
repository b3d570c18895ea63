import { createEventStoreTables, type Db } from '@starling/kit';
import { sql } from 'kysely';

export async function up(db: Db): Promise<void> {
  await createEventStoreTables(db);
  // Finds an author's tweets in the log when their account is deleted.
  await sql`create index events_tweet_author on events ((data->>'author_id')) where type = 'TweetPosted'`.execute(db);

  await sql`
    create table tweets (
      id text primary key,
      author_id text not null,
      author_username text not null,
      author_key text not null,
      body text not null,
      created_at timestamptz not null,
      version integer not null
    )`.execute(db);
  // Keyset paging, newest first, overall and per author.
  await sql`create index tweets_by_author on tweets (author_key, id desc)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table if exists tweets`.execute(db);
  await sql`drop table if exists consumer_checkpoints`.execute(db);
  await sql`drop trigger if exists events_append_only on events`.execute(db);
  await sql`drop trigger if exists events_no_truncate on events`.execute(db);
  await sql`drop table if exists events`.execute(db);
  await sql`drop function if exists events_are_immutable()`.execute(db);
}
