import type { EventDefinition } from '@starling/events';

/**
 * The notify service's own events. `NotificationCreated` is the fact every other part
 * reacts to: the notifications list and stream show it, the mailer mails it (per the
 * recipient's preferences), webhooks deliver it as `notification.<type>`. Other
 * services' live streams follow it too, so its one definition is in @starling/events.
 */
export { NotificationCreated, type NotificationType } from '@starling/events';

const define = <T>(type: string, schemaVersion: number) => ({ type, schemaVersion }) as EventDefinition<T>;

/** `account_id` has read every notification up to and including `up_to_id`. */
export const NotificationsRead = define<{ account_id: string; up_to_id: string }>('NotificationsRead', 1);

/** `account_id` removed one of their notifications. */
export const NotificationDismissed = define<{ account_id: string; notification_id: string }>(
  'NotificationDismissed',
  1,
);

/**
 * The notifications about a deleted tweet, or to or about a deleted account, are gone,
 * and any made later about it are dropped: the projection applies this in log order.
 */
export const NotificationsRemoved = define<
  { reason: 'tweet_deleted'; tweet_id: string } | { reason: 'account_deleted'; account_id: string }
>('NotificationsRemoved', 1);
