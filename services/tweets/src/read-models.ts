import { parseTimeIdKey, timeIdKey, type Db, type RecordedEvent } from '@starling/kit';
import { parseEntities, payloadOf, TweetPosted } from '@starling/events';
import { withAttachments } from '@starling/attachments';
import type { AttachmentShown } from '@starling/contracts';
import { sql, type Selectable } from 'kysely';
import type { LikesTable, RepostsTable, TweetsDb, TweetsTable } from './tables.js';

/** A tweet as its TweetPosted event records it: the `tweets` columns the event decides. */
export type TweetRow = Pick<
  Selectable<TweetsTable>,
  | 'id'
  | 'author_id'
  | 'author_username'
  | 'body'
  | 'created_at'
  | 'version'
  | 'entities'
  | 'in_reply_to_id'
  | 'in_reply_to_author_id'
  | 'media_ids'
>;

/**
 * A tweet as shown: with its author's display name, its counts, the username of the
 * author it replies to (when known) and, for a known viewer, whether they like and repost it.
 */
export interface TweetView
  extends TweetRow, Pick<Selectable<TweetsTable>, 'like_count' | 'repost_count' | 'reply_count'> {
  author_name: string;
  /** When anything the tweet shows last changed, its author's name included (read models know it). */
  last_modified?: Date;
  in_reply_to_username?: string | null;
  liked?: boolean | null;
  reposted?: boolean | null;
  media_attachments?: AttachmentShown[] | null;
}

/**
 * One query for any number of tweets. An author not (yet) known to this service shows
 * under their username; the author replied to is named from `authors`, or from the
 * parent tweet while it is here, and not at all otherwise. `liked` and `reposted` are
 * null unless a viewer is given.
 */
const view = (viewerId: string | undefined) => sql`
  select t.*, coalesce(a.name, t.author_username) as author_name,
         greatest(t.modified_at, a.modified_at) as last_modified,
         coalesce(ra.username, p.author_username) as in_reply_to_username,
         ${
           viewerId !== undefined
             ? sql`exists (select 1 from likes l where l.tweet_id = t.id and l.user_id = ${viewerId})`
             : sql`null::boolean`
         } as liked,
         ${
           viewerId !== undefined
             ? sql`exists (select 1 from reposts r where r.tweet_id = t.id and r.user_id = ${viewerId})`
             : sql`null::boolean`
         } as reposted
  from tweets t
  left join authors a on a.id = t.author_id
  left join authors ra on ra.id = t.in_reply_to_author_id
  left join tweets p on p.id = t.in_reply_to_id`;

/**
 * A tweet as its TweetPosted event records it. A version 1 event carries no entities
 * and is no reply: its entities are parsed from its body, as they would have been.
 */
export function tweetRowOf(event: RecordedEvent): TweetRow {
  const d = payloadOf(TweetPosted, event);
  return {
    id: d.tweet_id,
    author_id: d.author_id,
    author_username: d.author_username,
    body: d.body,
    created_at: event.recordedAt,
    version: event.version,
    entities: d.entities ?? parseEntities(d.body),
    in_reply_to_id: d.in_reply_to_id ?? null,
    in_reply_to_author_id: d.in_reply_to_id !== undefined ? (d.in_reply_to_author_id ?? null) : null,
    media_ids: d.media_ids?.length ? d.media_ids : null,
  };
}

export async function findTweet(db: Db, id: string, viewerId?: string): Promise<TweetView | undefined> {
  const { rows } = await sql<TweetView>`${view(viewerId)} where t.id = ${id}`.execute(db);
  return (await withAttachments(db, rows))[0];
}

export async function authorName(db: TweetsDb, authorId: string): Promise<string | undefined> {
  const row = await db.selectFrom('authors').select('name').where('id', '=', authorId).executeTakeFirst();
  return row?.name;
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
  return withAttachments(db, rows);
}

/** Someone who likes a tweet, with when they liked it. */
export interface LikerRow extends Pick<LikesTable, 'username' | 'liked_at'> {
  /** The liker's user id (`likes.user_id`). */
  id: LikesTable['user_id'];
}

/** The cursor key of a liker: unique within a tweet's likers and in their sort order. */
export const likerKey = (row: LikerRow) => timeIdKey(row.liked_at, row.id);

export async function tweetExists(db: TweetsDb, id: string): Promise<boolean> {
  const row = await db.selectFrom('tweets').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** Who likes a tweet, newest like first, keyset-paged on (liked_at, user id). */
export async function listLikers(
  db: TweetsDb,
  tweetId: string,
  after: string | undefined,
  limit: number,
): Promise<LikerRow[]> {
  const cursor = after !== undefined ? parseTimeIdKey(after) : undefined;
  let query = db.selectFrom('likes').select(['user_id as id', 'username', 'liked_at']).where('tweet_id', '=', tweetId);
  if (cursor) query = query.where((eb) => eb(eb.refTuple('liked_at', 'user_id'), '<', eb.tuple(cursor.at, cursor.id)));
  return query.orderBy('liked_at', 'desc').orderBy('user_id', 'desc').limit(limit).execute();
}

/** Someone who reposts a tweet; `repost_id` is time-sortable, unique, and the list's order. */
export interface ReposterRow extends Pick<RepostsTable, 'username' | 'repost_id'> {
  /** The reposter's user id (`reposts.user_id`). */
  id: RepostsTable['user_id'];
}

export const reposterKey = (row: ReposterRow) => row.repost_id;

/** Who reposts a tweet, newest repost first, keyset-paged on the repost id. */
export async function listReposters(
  db: TweetsDb,
  tweetId: string,
  after: string | undefined,
  limit: number,
): Promise<ReposterRow[]> {
  let query = db
    .selectFrom('reposts')
    .select(['user_id as id', 'username', 'repost_id'])
    .where('tweet_id', '=', tweetId);
  if (after !== undefined) query = query.where('repost_id', '<', after);
  return query.orderBy('repost_id', 'desc').limit(limit).execute();
}

/** The most descendants a context lists. */
export const MAX_DESCENDANTS = 500;

/**
 * The live tweets above a tweet, root first and ending with its parent. The walk goes
 * up `in_reply_to_id` and stops where a parent is no longer here (deleted).
 */
export async function listAncestors(db: Db, id: string, viewerId?: string): Promise<TweetView[]> {
  const { rows } = await sql<TweetView>`
    with recursive up (id, parent_id, depth) as (
      select id, in_reply_to_id, 0 from tweets where id = ${id}
      union all
      select t.id, t.in_reply_to_id, up.depth + 1 from tweets t join up on t.id = up.parent_id
    )
    select v.* from (${view(viewerId)}) v join up on up.id = v.id
    where up.depth > 0
    order by up.depth desc`.execute(db);
  return withAttachments(db, rows);
}

/**
 * The replies under a tweet, their replies and so on, depth-first in conversation order:
 * ordering by the path of ids from the first reply down puts each reply right after its
 * parent and before its own later siblings, and siblings oldest first, since ids sort
 * by time (compared bytewise, `collate "C"`, the same everywhere). A reply to a deleted
 * reply has no path here, so it is not listed.
 */
export async function listDescendants(db: Db, id: string, viewerId?: string): Promise<TweetView[]> {
  const { rows } = await sql<TweetView>`
    with recursive down (id, path) as (
      select id, array[id collate "C"] from tweets where in_reply_to_id = ${id}
      union all
      select t.id, down.path || (t.id collate "C") from tweets t join down on t.in_reply_to_id = down.id
    )
    select v.* from (${view(viewerId)}) v join down on down.id = v.id
    order by down.path
    limit ${MAX_DESCENDANTS}`.execute(db);
  return withAttachments(db, rows);
}
