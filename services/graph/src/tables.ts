import type { Db } from '@starling/kit';

/**
 * The graph service's tables, as its migrations leave them: the one place a table's
 * shape is written down, and what the service's queries are checked against. The event
 * store's own tables (`events`, `consumer_checkpoints`) belong to the kit.
 */

/** Accounts known to the graph, from identity's events; a deleted one stays, marked. */
export interface UsersTable {
  id: string;
  username: string;
  deleted: boolean;
}

/** Who follows whom, since when. */
export interface FollowsTable {
  follower_id: string;
  followee_id: string;
  followed_at: Date;
}

export interface GraphDatabase {
  users: UsersTable;
  follows: FollowsTable;
}

/** The graph service's schema, with its queries checked against its tables. */
export type GraphDb = Db<GraphDatabase>;
