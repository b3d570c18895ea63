import type { components } from '../generated/openapi.js';
import type { NotificationRow } from './read-model.js';

export type Notification = components['schemas']['Notification'];

const iso = (at: Date) => new Date(at).toISOString();

/** A notification as the API shows it: what happened, who did it, the tweet, whether read. */
export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.notification_id,
    type: row.type,
    ...(row.actor_id
      ? { account: { id: row.actor_id, username: row.actor_username ?? '', name: row.actor_name ?? '' } }
      : {}),
    ...(row.tweet_id && row.tweet_author_id
      ? {
          tweet: {
            id: row.tweet_id,
            author_id: row.tweet_author_id,
            body: row.tweet_body ?? '',
            created_at: iso(row.tweet_created_at ?? row.created_at),
          },
        }
      : {}),
    ...(row.webhook_id ? { webhook_id: row.webhook_id } : {}),
    created_at: iso(row.created_at),
    read: row.read,
  };
}
