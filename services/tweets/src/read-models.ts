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

export async function findTweet(db: Db, id: string): Promise<TweetRow | undefined> {
  const { rows } = await sql<TweetRow>`select * from tweets where id = ${id}`.execute(db);
  return rows[0];
}

/** Newest first, keyset-paged on the time-sortable id. */
export async function listTweets(
  db: Db,
  filter: { authorUsername?: string | undefined; before?: string | undefined },
  limit: number,
): Promise<TweetRow[]> {
  const conditions = [
    filter.authorUsername !== undefined ? sql`author_key = ${filter.authorUsername.toLowerCase()}` : undefined,
    filter.before !== undefined ? sql`id < ${filter.before}` : undefined,
  ].filter((c) => c !== undefined);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const { rows } = await sql<TweetRow>`select * from tweets ${where} order by id desc limit ${limit}`.execute(db);
  return rows;
}
