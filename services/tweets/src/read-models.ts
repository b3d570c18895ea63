import type { Db, RecordedEvent } from '@starling/kit';
import type { PayloadOf, TweetPosted } from '@starling/events';
import { sql } from 'kysely';

export interface TweetRow {
  id: string;
  author_id: string;
  author_username: string;
  body: string;
  created_at: Date;
  version: number;
}

/** A tweet as shown: with its author's display name. */
export interface TweetView extends TweetRow {
  author_name: string;
}

// An author not (yet) known to this service shows under their username.
const VIEW = sql`select t.*, coalesce(a.name, t.author_username) as author_name
                 from tweets t left join authors a on a.id = t.author_id`;

/** A tweet as its TweetPosted event records it: what posting answers with. */
export function tweetRowOf(event: RecordedEvent): TweetRow {
  const d = event.data as PayloadOf<typeof TweetPosted>;
  return {
    id: d.tweet_id,
    author_id: d.author_id,
    author_username: d.author_username,
    body: d.body,
    created_at: event.recordedAt,
    version: event.version,
  };
}

export async function findTweet(db: Db, id: string): Promise<TweetView | undefined> {
  const { rows } = await sql<TweetView>`${VIEW} where t.id = ${id}`.execute(db);
  return rows[0];
}

export async function authorName(db: Db, authorId: string): Promise<string | undefined> {
  const { rows } = await sql<{ name: string }>`select name from authors where id = ${authorId}`.execute(db);
  return rows[0]?.name;
}

/** Newest first, keyset-paged on the time-sortable id. */
export async function listTweets(
  db: Db,
  filter: { authorUsername?: string | undefined; before?: string | undefined },
  limit: number,
): Promise<TweetView[]> {
  const conditions = [
    filter.authorUsername !== undefined ? sql`t.author_key = ${filter.authorUsername.toLowerCase()}` : undefined,
    filter.before !== undefined ? sql`t.id < ${filter.before}` : undefined,
  ].filter((c) => c !== undefined);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const { rows } = await sql<TweetView>`${VIEW} ${where} order by t.id desc limit ${limit}`.execute(db);
  return rows;
}
