import type { Db } from '@starling/kit';

/**
 * The mastodon service's tables, as its migrations leave them. The event store's own
 * tables (`events`, `consumer_checkpoints`) belong to the kit.
 */

/** A user's reading position in a timeline, as Mastodon clients save it. */
export interface MarkersTable {
  user_id: string;
  timeline: string;
  last_read_id: string;
  /** The marker stream's version. */
  version: number;
  updated_at: Date;
}

export interface MastodonDatabase {
  markers: MarkersTable;
}

export type MastodonDb = Db<MastodonDatabase>;
