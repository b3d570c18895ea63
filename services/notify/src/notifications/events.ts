import type { EventDefinition } from '@starling/events';

/**
 * The notify service's own events. `NotificationCreated` is the fact every other part
 * reacts to: the notifications list and stream show it, the mailer mails it (per the
 * recipient's preferences), webhooks deliver it as `notification.<type>`.
 */
export type NotificationType = 'follow' | 'mention' | 'reply' | 'like' | 'repost' | 'webhook_disabled';

const define = <T>(type: string, schemaVersion: number) => ({ type, schemaVersion }) as EventDefinition<T>;

/**
 * `recipient_id` has a new notification. `actor_id` is who did it (none for one Starling
 * itself sends, such as `webhook_disabled`); `tweet_id` the tweet it is about;
 * `webhook_id` the webhook, for `webhook_disabled`. `notification_id` is time-sortable.
 */
export const NotificationCreated = define<{
  notification_id: string;
  recipient_id: string;
  type: NotificationType;
  actor_id?: string;
  tweet_id?: string;
  webhook_id?: string;
}>('NotificationCreated', 1);
