import type { Generated } from 'kysely';

/**
 * The tweets reactor's own record of the tweets it has seen: who wrote each (a like does
 * not say) and what it said. Written by the reactor in the transaction that also
 * advances its checkpoint, so it is never behind the events the reactor handles.
 */
export interface NotificationTweetsTable {
  id: string;
  author_id: string;
  body: string;
  created_at: Date;
  deleted: boolean;
}

/** A notification as the list and the stream show it (a projection of notify's own log). */
export interface NotificationsTable {
  notification_id: string;
  /** The stream of its NotificationCreated, where a dismissal is appended too. */
  stream_id: string;
  recipient_id: string;
  type: string;
  actor_id: string | null;
  tweet_id: string | null;
  webhook_id: string | null;
  created_at: Date;
}

/**
 * The order the live streams announce notifications in (`seq`, taken in commit order),
 * and what a reconnecting client resumes after. Not a read model: a rebuild leaves it
 * alone, so rebuilt notifications keep their place and are not announced again.
 */
export interface NotificationFeedTable {
  seq: Generated<string>;
  notification_id: string;
  recipient_id: string;
}

/** How far each account has read: every notification up to this id counts as read. */
export interface NotificationMarkersTable {
  account_id: string;
  read_up_to: string;
}

/**
 * Accounts and tweets whose notifications were removed, and notifications dismissed: a
 * NotificationCreated applied later (or again) for one of them is dropped.
 */
export interface NotificationRemovalsTable {
  kind: 'account' | 'tweet' | 'notification';
  id: string;
}

/** The notifications tables, as the notifications migration leaves them. */
export interface NotificationsTables {
  notification_tweets: NotificationTweetsTable;
  notifications: NotificationsTable;
  notification_feed: NotificationFeedTable;
  notification_markers: NotificationMarkersTable;
  notification_removals: NotificationRemovalsTable;
}
