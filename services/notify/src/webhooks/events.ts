import type { EventDefinition } from '@starling/events';

/**
 * The webhook aggregate's events (stream `webhook-<id>`). The signing secret travels
 * only sealed (`sealed_secret`, seal.ts): the log never holds it in the clear, yet the
 * `webhooks` projection can be rebuilt from it.
 */
const define = <T>(type: string, schemaVersion: number) => ({ type, schemaVersion }) as EventDefinition<T>;

export type WebhookScope = 'account' | 'instance';

export const WebhookCreated = define<{
  webhook_id: string;
  owner_id: string;
  scope: WebhookScope;
  url: string;
  events: string[];
  description: string;
  sealed_secret: string;
}>('WebhookCreated', 1);

/** Only the fields that changed. `enabled: true` also clears a disabling. */
export const WebhookChanged = define<{
  webhook_id: string;
  url?: string;
  events?: string[];
  description?: string;
  enabled?: boolean;
}>('WebhookChanged', 1);

export const WebhookSecretRotated = define<{ webhook_id: string; sealed_secret: string }>('WebhookSecretRotated', 1);

/** Starling turned it off: `reason` says why, for its owner. */
export const WebhookDisabled = define<{ webhook_id: string; reason: string }>('WebhookDisabled', 1);

export const WebhookDeleted = define<{ webhook_id: string }>('WebhookDeleted', 1);

export const webhookEventTypes = [
  WebhookCreated.type,
  WebhookChanged.type,
  WebhookSecretRotated.type,
  WebhookDisabled.type,
  WebhookDeleted.type,
];
