import type { ColumnType, Generated } from 'kysely';
import type { MediaAttachmentsTable } from '@starling/attachments';
import type { AuthorsTable } from '@starling/authors';
import type { Db } from '@starling/kit';
import type { TweetEntities } from '@starling/events';

/**
 * The tweets service's tables, as its migrations leave them: the one place a table's
 * shape is written down, and what the service's queries are checked against. The event
 * store's own tables (`events`, `consumer_checkpoints`) belong to the kit; the account
 * deletions reactor searches `events` in raw SQL.
 */

/** Every live tweet, its entities, what it replies to and its counts. */
export interface TweetsTable {
  id: string;
  author_id: string;
  author_username: string;
  /** The author's username lower-cased: the key of the per-author listing. */
  author_key: string;
  body: string;
  created_at: Date;
  version: number;
  like_count: Generated<number>;
  repost_count: Generated<number>;
  reply_count: Generated<number>;
  /** jsonb: read back as the value, written as its JSON text; `{hashtags: [], mentions: []}` by default. */
  entities: ColumnType<TweetEntities, string | undefined, string>;
  in_reply_to_id: string | null;
  in_reply_to_author_id: string | null;
  /** The media attached, in the author's order (see @starling/attachments); null for none. */
  media_ids: string[] | null;
  modified_at: Generated<Date>;
}

/** Who likes which live tweet. */
export interface LikesTable {
  tweet_id: string;
  user_id: string;
  username: string;
  liked_at: Date;
}

/** Who reposts which live tweet, under which repost id. */
export interface RepostsTable {
  tweet_id: string;
  user_id: string;
  username: string;
  repost_id: string;
  reposted_at: Date;
}

export interface TweetsDatabase {
  tweets: TweetsTable;
  authors: AuthorsTable;
  likes: LikesTable;
  reposts: RepostsTable;
  media_attachments: MediaAttachmentsTable;
}

/** The tweets service's schema, with its queries checked against its tables. */
export type TweetsDb = Db<TweetsDatabase>;
