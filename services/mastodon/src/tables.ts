import type { Db } from '@starling/kit';

/** A status posted under an Idempotency-Key; `status_id` is null while its post is under way. */
export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  status_id: string | null;
  created_at: Date;
}

/** A user's reading position in a timeline, as Mastodon clients save it. */
export interface MarkersTable {
  user_id: string;
  timeline: string;
  last_read_id: string;
  /** The marker stream's version. */
  version: number;
  updated_at: Date;
}

/**
 * The mastodon service's tables, as its migrations leave them. The event store's own
 * tables (`events`, `consumer_checkpoints`) belong to the kit.
 */
export interface MastodonTables {
  idempotency_keys: IdempotencyKeysTable;
  markers: MarkersTable;
}

export type MastodonDb = Db<MastodonTables>;
