import type { ColumnType, Generated } from 'kysely';
import type { AuthorsTable } from '@starling/authors';
import type { Db } from '@starling/kit';
import type { TweetEntities } from '@starling/events';

/**
 * The timeline service's tables, as its migrations leave them: the one place a table's
 * shape is written down, and what the service's queries are checked against. The event
 * store's own tables (`events`, `consumer_checkpoints`) belong to the kit.
 */

/** Accounts as search finds them; `document` is a tsvector, built in SQL. */
export interface SearchUsersTable {
  id: string;
  username: string;
  name: string;
  bio: string | null;
  document: string;
  version: number;
}

export interface SearchTweetsTable {
  id: string;
  author_id: string;
  document: string;
}

/** Every live tweet a timeline can show, with its counts. */
export interface TweetsTable {
  id: string;
  author_id: string;
  author_username: string;
  body: string;
  /** jsonb: read back as the value, written as its JSON text. */
  entities: ColumnType<TweetEntities, string, string>;
  in_reply_to_id: string | null;
  in_reply_to_author_id: string | null;
  /** The media attached, in the author's order (see @starling/attachments); null for none. */
  media_ids: string[] | null;
  created_at: Date;
  like_count: Generated<number>;
  repost_count: Generated<number>;
  reply_count: Generated<number>;
}

export interface LikesTable {
  tweet_id: string;
  user_id: string;
}

export interface RepostsTable {
  tweet_id: string;
  user_id: string;
  username: string;
  repost_id: string;
}

/** Each tweet's hashtags, lower-cased. */
export interface TweetTagsTable {
  tag_key: string;
  tweet_id: string;
}

export interface FollowsTable {
  follower_id: string;
  followee_id: string;
}

/** Accounts with followers, and how many: what decides fan-out on write or on read. */
export interface FollowerCountsTable {
  user_id: string;
  followers: number;
}

/** Each home timeline's entries, fanned out on write. */
export interface HomeEntriesTable {
  owner_id: string;
  entry_key: string;
  tweet_id: string;
  actor_id: string;
  kind: 'tweet' | 'repost';
}

/** How many entries each home timeline holds, for trimming. */
export interface HomeSizesTable {
  owner_id: string;
  entries: number;
}

/** Entries not yet fanned out into the followers' homes (see projections/homes-projection.ts). */
export interface PendingFanoutTable {
  entry_key: string;
  tweet_id: string;
  actor_id: string;
  kind: 'tweet' | 'repost';
}

/** The live stream's buffer of recent home-timeline changes. */
export interface StreamEventsTable {
  seq: Generated<number>;
  event_id: string;
  actor_id: string;
  kind: 'tweet' | 'repost' | 'delete';
  tweet_id: string;
  entry_key: string;
  buffered_at: Generated<Date>;
}

export interface TimelineDatabase {
  search_users: SearchUsersTable;
  search_tweets: SearchTweetsTable;
  authors: AuthorsTable;
  tweets: TweetsTable;
  likes: LikesTable;
  reposts: RepostsTable;
  tweet_tags: TweetTagsTable;
  follows: FollowsTable;
  follower_counts: FollowerCountsTable;
  home_entries: HomeEntriesTable;
  home_sizes: HomeSizesTable;
  pending_fanout: PendingFanoutTable;
  stream_events: StreamEventsTable;
}

/** The timeline service's schema, with its queries checked against its tables. */
export type TimelineDb = Db<TimelineDatabase>;
