import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/** The notifications tables (notifications/tables.ts). */
export async function up(db: Db): Promise<void> {
  // The tweets reactor's own memory of tweets, written in its own transactions.
  await sql`create table notification_tweets (
    id text primary key,
    author_id text not null,
    body text not null,
    created_at timestamptz not null,
    deleted boolean not null
  )`.execute(db);
  await sql`create table notifications (
    notification_id text primary key,
    stream_id text not null,
    recipient_id text not null,
    type text not null,
    actor_id text,
    tweet_id text,
    webhook_id text,
    created_at timestamptz not null
  )`.execute(db);
  await sql`create index notifications_by_recipient on notifications (recipient_id, notification_id)`.execute(db);
  await sql`create index notifications_by_tweet on notifications (tweet_id)`.execute(db);
  await sql`create index notifications_by_actor on notifications (actor_id)`.execute(db);
  // The live streams' delivery order: not a read model, so a rebuild leaves it alone.
  await sql`create table notification_feed (
    seq bigint generated always as identity primary key,
    notification_id text not null unique,
    recipient_id text not null
  )`.execute(db);
  await sql`create index notification_feed_by_recipient on notification_feed (recipient_id, seq)`.execute(db);
  await sql`create table notification_markers (
    account_id text primary key,
    read_up_to text not null
  )`.execute(db);
  await sql`create table notification_removals (
    kind text not null,
    id text not null,
    primary key (kind, id)
  )`.execute(db);
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'notification_removals',
    'notification_markers',
    'notification_feed',
    'notifications',
    'notification_tweets',
  ])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
