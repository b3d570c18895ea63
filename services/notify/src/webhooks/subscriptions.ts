import type { NotificationType } from '../notifications/events.js';
import type { WebhookScope } from './events.js';

/** The notification types a webhook may take as `notification.<type>`. */
export const NOTIFICATION_EVENTS: readonly NotificationType[] = ['follow', 'mention', 'reply', 'like', 'repost'];

const ACCOUNT_EVENTS = new Set([
  ...NOTIFICATION_EVENTS.map((t) => `notification.${t}`),
  'tweet.created',
  'tweet.deleted',
]);
const INSTANCE_ONLY_EVENTS = new Set(['account.created', 'account.deleted']);
const TOPIC = /^topic\.[a-z0-9][a-z0-9._-]{0,62}$/;

/**
 * Why `event` may not be taken by a webhook of `scope`, or undefined when it may. An
 * account's webhook takes that account's notifications and tweets; an instance webhook
 * also account sign-ups and deletions and the notification rules' topics.
 */
export function refusedEvent(scope: WebhookScope, event: string): string | undefined {
  if (ACCOUNT_EVENTS.has(event)) return undefined;
  if (INSTANCE_ONLY_EVENTS.has(event) || TOPIC.test(event)) {
    return scope === 'instance'
      ? undefined
      : `${event} is an instance event: only an admin's instance webhook takes it`;
  }
  return `${event} is not an event a webhook can take`;
}

/** The `topic.<name>` event of a notification rule's topic, or undefined for a name no webhook can take. */
export function topicEvent(topic: string): string | undefined {
  const event = `topic.${topic}`;
  return TOPIC.test(event) ? event : undefined;
}
