/** A webhook as the `webhooks` projection keeps it (from the webhook events). */
export interface WebhooksTable {
  id: string;
  owner_id: string;
  scope: 'account' | 'instance';
  url: string;
  events: string[];
  description: string;
  enabled: boolean;
  disabled_reason: string | null;
  /** The signing secret, sealed (seal.ts) as its event carries it: only the sender opens it. */
  sealed_secret: string;
  /** The stream version: the ETag. */
  version: number;
  created_at: Date;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event to be sent to one webhook. `(webhook_id, source_event_id)` is unique, so an
 * event the bus delivers twice is queued once. `body` is the exact JSON sent, the same
 * bytes (and `id`, the `webhook-id` header) on every attempt.
 */
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  source_event_id: string;
  event_type: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  /** Attempts this round may still make: the whole schedule when queued, one when redelivered. */
  attempts_left: number;
  /** Queued again by its owner: failing it does not disable the endpoint. */
  manual: boolean;
  next_attempt_at: Date;
  /** The worker holding it, and until when; another takes it over after that. */
  lease_token: string | null;
  lease_until: Date | null;
  response_code: number | null;
  latency_ms: number | null;
  error: string | null;
  response_excerpt: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

/** The webhooks tables, as the webhooks migration leaves them. */
export interface WebhooksTables {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
