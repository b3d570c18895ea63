import type { components } from '../generated/openapi.js';
import type { WebhookState } from './domain.js';
import type { WebhookDeliveriesTable, WebhooksTable } from './tables.js';

type Webhook = components['schemas']['Webhook'];
type Delivery = components['schemas']['WebhookDelivery'];
type Event = components['schemas']['WebhookEvent'];

/** A webhook as the API shows it: never its secret, sealed or not. */
export function presentWebhook(webhook: WebhookState): Webhook {
  return {
    id: webhook.id,
    url: webhook.url,
    events: webhook.events as Event[],
    description: webhook.description,
    scope: webhook.scope,
    enabled: webhook.enabled,
    ...(webhook.disabledReason !== undefined ? { disabled_reason: webhook.disabledReason } : {}),
    created_at: new Date(webhook.createdAt).toISOString(),
  };
}

export const stateOfRow = (row: WebhooksTable): WebhookState => ({
  exists: true,
  deleted: false,
  id: row.id,
  ownerId: row.owner_id,
  scope: row.scope,
  url: row.url,
  events: row.events,
  description: row.description,
  enabled: row.enabled,
  ...(row.disabled_reason !== null ? { disabledReason: row.disabled_reason } : {}),
  sealedSecret: '',
  createdAt: row.created_at,
});

const iso = (at: Date) => new Date(at).toISOString();

export function presentDelivery(row: WebhookDeliveriesTable): Delivery {
  return {
    id: row.id,
    event_type: row.event_type as Event,
    status: row.status,
    attempts: row.attempts,
    ...(row.response_code !== null ? { response_code: row.response_code } : {}),
    ...(row.latency_ms !== null ? { latency_ms: row.latency_ms } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
    ...(row.response_excerpt !== null ? { response_excerpt: row.response_excerpt } : {}),
    ...(row.status === 'pending' ? { next_attempt_at: iso(row.next_attempt_at) } : {}),
    created_at: iso(row.created_at),
    ...(row.delivered_at !== null ? { delivered_at: iso(row.delivered_at) } : {}),
  };
}
