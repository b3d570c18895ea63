import { createEventStoreTables, type Db } from '@starling/kit';
import { sql } from 'kysely';

export async function up(db: Db): Promise<void> {
  await createEventStoreTables(db);

  // Who has an account, from identity's events; deleted accounts stay as tombstones.
  await sql`
    create table users (
      id text primary key,
      username text not null,
      deleted boolean not null
    )`.execute(db);

  await sql`
    create table follows (
      follower_id text not null,
      followee_id text not null,
      followed_at timestamptz not null,
      primary key (follower_id, followee_id)
    )`.execute(db);
  // Keyset paging, newest follow first, in both directions.
  await sql`create index follows_following on follows (follower_id, followed_at desc, followee_id desc)`.execute(db);
  await sql`create index follows_followers on follows (followee_id, followed_at desc, follower_id desc)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table if exists follows`.execute(db);
  await sql`drop table if exists users`.execute(db);
  await sql`drop table if exists consumer_checkpoints`.execute(db);
  await sql`drop trigger if exists events_append_only on events`.execute(db);
  await sql`drop trigger if exists events_no_truncate on events`.execute(db);
  await sql`drop table if exists events`.execute(db);
  await sql`drop function if exists events_are_immutable()`.execute(db);
}
