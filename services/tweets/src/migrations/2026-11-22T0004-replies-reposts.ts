import type { Db } from '@starling/kit';
import { parseEntities } from '@starling/events';
import { sql } from 'kysely';

/**
 * Replies, reposts and entities: each tweet's parent and its parent's author, its
 * hashtags and mentions, its counts of reposts and live direct replies; and who reposts
 * which tweet.
 */
const BATCH = 500;

export async function up(db: Db): Promise<void> {
  await sql`alter table tweets add column in_reply_to_id text`.execute(db);
  await sql`alter table tweets add column in_reply_to_author_id text`.execute(db);
  await sql`alter table tweets add column entities jsonb not null default '{"hashtags": [], "mentions": []}'`.execute(
    db,
  );
  await sql`alter table tweets add column repost_count integer not null default 0`.execute(db);
  await sql`alter table tweets add column reply_count integer not null default 0`.execute(db);
  // Tweets already here were posted before entities were recorded: parse them now, as
  // the projection does for a version 1 TweetPosted, so a rebuild finds the same rows.
  const { rows } = await sql<{ id: string; body: string }>`select id, body from tweets`.execute(db);
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map(({ id, body }) => ({ id, entities: parseEntities(body) }));
    await sql`update tweets t set entities = b.entities
              from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as b (id text, entities jsonb)
              where t.id = b.id`.execute(db);
  }
  // A tweet's replies, oldest first: the context's walk down a thread.
  await sql`create index tweets_by_parent on tweets (in_reply_to_id, id) where in_reply_to_id is not null`.execute(db);

  await sql`create table reposts (
    tweet_id text not null,
    user_id text not null,
    username text not null,
    repost_id text not null,
    reposted_at timestamptz not null,
    primary key (tweet_id, user_id)
  )`.execute(db);
  // Keyset paging of a tweet's reposters, newest repost first (repost ids sort by time).
  await sql`create index reposts_by_tweet on reposts (tweet_id, repost_id desc)`.execute(db);
  // Finds an account's reposts in the log when it is deleted.
  await sql`create index events_repost_user on events ((data->>'user_id')) where type = 'TweetReposted'`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop index if exists events_repost_user`.execute(db);
  await sql`drop table if exists reposts`.execute(db);
  await sql`drop index if exists tweets_by_parent`.execute(db);
  for (const column of ['reply_count', 'repost_count', 'entities', 'in_reply_to_author_id', 'in_reply_to_id']) {
    await sql`alter table tweets drop column if exists ${sql.ref(column)}`.execute(db);
  }
}
