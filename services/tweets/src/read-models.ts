import type { Db } from '@starling/kit';
import { sql } from 'kysely';

export interface TweetRow {
  id: string;
  author_id: string;
  author_username: string;
  body: string;
  created_at: Date;
  version: number;
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
