import { z } from 'zod';

const milliseconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The webhooks settings (merged into the notify service's in ../settings.ts). */
export const webhooksSchema = z.object({
  /**
   * Lifts the refusal of URLs on loopback, private, link-local and other internal
   * addresses: for an operator whose receivers live on a private network, and tests.
   */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The first retry's delay; the later ones are multiples of it (see delivery/schedule.ts). */
  WEBHOOK_RETRY_BASE_MS: milliseconds(5_000),
  /** Attempts a delivery gets before it is failed (and its endpoint disabled). */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  WEBHOOK_CONNECT_TIMEOUT_MS: milliseconds(5_000),
  /** From the request's start to the end of the response's headers. */
  WEBHOOK_RESPONSE_TIMEOUT_MS: milliseconds(15_000),
  /** How long a claimed delivery is held by its worker before another may take it over. */
  WEBHOOK_LEASE_MS: milliseconds(60_000),
  /** Deliveries one worker has in flight at once (each to a different endpoint). */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** How often an idle worker looks for due deliveries. */
  WEBHOOK_POLL_MS: milliseconds(1_000),
});

export type WebhooksSettings = z.infer<typeof webhooksSchema>;
