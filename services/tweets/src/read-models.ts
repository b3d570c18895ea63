import { parseTimeIdKey, timeIdKey, type Db, type RecordedEvent } from '@starling/kit';
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

/** A tweet as shown: with its author's display name, its likes and, for a known viewer, whether they like it. */
export interface TweetView extends TweetRow {
  author_name: string;
  like_count: number;
  liked?: boolean | null;
}

/**
 * One query for any number of tweets. An author not (yet) known to this service shows
 * under their username; `liked` is null unless a viewer is given.
 */
const view = (viewerId: string | undefined) => sql`
  select t.*, coalesce(a.name, t.author_username) as author_name,
         ${
           viewerId !== undefined
             ? sql`exists (select 1 from likes l where l.tweet_id = t.id and l.user_id = ${viewerId})`
             : sql`null::boolean`
         } as liked
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

export async function findTweet(db: Db, id: string, viewerId?: string): Promise<TweetView | undefined> {
  const { rows } = await sql<TweetView>`${view(viewerId)} where t.id = ${id}`.execute(db);
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
  viewerId?: string,
): Promise<TweetView[]> {
  const conditions = [
    filter.authorUsername !== undefined ? sql`t.author_key = ${filter.authorUsername.toLowerCase()}` : undefined,
    filter.before !== undefined ? sql`t.id < ${filter.before}` : undefined,
  ].filter((c) => c !== undefined);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const { rows } = await sql<TweetView>`${view(viewerId)} ${where} order by t.id desc limit ${limit}`.execute(db);
  return rows;
}

/** Someone who likes a tweet, with when they liked it. */
export interface LikerRow {
  id: string;
  username: string;
  liked_at: Date;
}

/** The cursor key of a liker: unique within a tweet's likers and in their sort order. */
export const likerKey = (row: LikerRow) => timeIdKey(row.liked_at, row.id);

export async function tweetExists(db: Db, id: string): Promise<boolean> {
  const { rows } = await sql`select 1 from tweets where id = ${id}`.execute(db);
  return rows.length > 0;
}

/** Who likes a tweet, newest like first, keyset-paged on (liked_at, user id). */
export async function listLikers(
  db: Db,
  tweetId: string,
  after: string | undefined,
  limit: number,
): Promise<LikerRow[]> {
  const cursor = after !== undefined ? parseTimeIdKey(after) : undefined;
  const page = cursor ? sql`and (liked_at, user_id) < (${cursor.at}, ${cursor.id})` : sql``;
  const { rows } = await sql<LikerRow>`
    select user_id as id, username, liked_at from likes
    where tweet_id = ${tweetId} ${page}
    order by liked_at desc, user_id desc
    limit ${limit}`.execute(db);
  return rows;
}
