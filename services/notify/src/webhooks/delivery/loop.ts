import { setTimeout as sleep } from 'node:timers/promises';
import {
  appendToStream,
  loadAggregate,
  newId,
  retryLostRaces,
  sealKeyOf,
  unseal,
  type Loop,
  type ServiceContext,
} from '@starling/kit';
import { newEvent } from '@starling/events';
import { sql } from 'kysely';
import type { Counter } from 'prom-client';
import { NotificationCreated } from '../../notifications/events.js';
import { attemptsCounter } from '../../attempts.js';
import type { NotifyDb } from '../../tables.js';
import { disable, webhook, webhookStream } from '../domain.js';
import type { WebhooksSettings } from '../settings.js';
import type { WebhookDeliveriesTable } from '../tables.js';
import { signatureHeaders } from '../signing.js';
import { claimDue, type Claimed } from './claims.js';
import { retryDelayMs } from './schedule.js';
import { send, type AttemptResult } from './send.js';

/** What every attempt records, whatever came of it. */
type Recorded = Pick<
  WebhookDeliveriesTable,
  'attempts' | 'response_code' | 'latency_ms' | 'response_excerpt' | 'error' | 'lease_token' | 'lease_until'
>;

/** The delivery as this worker holds it: a lease that lapsed and was taken over is not written. */
const held = (db: NotifyDb, claimed: Claimed) =>
  db.updateTable('webhook_deliveries').where('id', '=', claimed.id).where('lease_token', '=', claimed.lease_token);

/**
 * Delivers what is due, any number of workers at once (claims.ts): each claimed delivery
 * is sent on its own, so the loop keeps claiming for other endpoints while one answers
 * slowly; on stop it claims nothing more and waits for what it holds.
 */
export function deliveryLoop(ctx: ServiceContext, settings: WebhooksSettings): Loop {
  const key = sealKeyOf(ctx.config);
  const inFlight = new Set<Promise<void>>();
  const db: NotifyDb = ctx.db;
  const attempts = webhookAttempts(ctx);
  // A lease shorter than an attempt may take would let a second worker send it meanwhile.
  const leaseMs = Math.max(
    settings.WEBHOOK_LEASE_MS,
    settings.WEBHOOK_CONNECT_TIMEOUT_MS + 2 * settings.WEBHOOK_RESPONSE_TIMEOUT_MS + 5_000,
  );

  async function attempt(claimed: Claimed): Promise<void> {
    const secret = unseal(key, claimed.sealed_secret);
    const result: AttemptResult = secret
      ? await send(claimed.url, claimed.body, signatureHeaders(secret, claimed.id, claimed.body, new Date()), {
          allowPrivate: settings.WEBHOOK_ALLOW_PRIVATE,
          connectTimeoutMs: settings.WEBHOOK_CONNECT_TIMEOUT_MS,
          responseTimeoutMs: settings.WEBHOOK_RESPONSE_TIMEOUT_MS,
        })
      : { ok: false, latencyMs: 0, error: 'the signing secret cannot be opened with this server’s seal key' };
    await record(claimed, result);
  }

  async function record(claimed: Claimed, result: AttemptResult): Promise<void> {
    const common: Recorded = {
      attempts: claimed.attempts + 1,
      response_code: result.status ?? null,
      latency_ms: result.latencyMs,
      response_excerpt: result.excerpt ?? null,
      error: result.error ?? null,
      lease_token: null,
      lease_until: null,
    };
    if (result.ok) {
      await held(db, claimed)
        .set({ ...common, status: 'delivered', delivered_at: sql<Date>`clock_timestamp()` })
        .execute();
      attempts.inc({ outcome: 'delivered' });
      return;
    }
    const left = claimed.attempts_left - 1;
    if (left > 0) {
      const failures = claimed.manual ? 1 : settings.WEBHOOK_MAX_ATTEMPTS - left;
      const delay = retryDelayMs(settings.WEBHOOK_RETRY_BASE_MS, failures);
      await held(db, claimed)
        .set({
          ...common,
          attempts_left: left,
          next_attempt_at: sql<Date>`clock_timestamp() + ${`${delay} milliseconds`}::interval`,
        })
        .execute();
      attempts.inc({ outcome: 'retry' });
      return;
    }
    // A change to the webhook made meanwhile (a PATCH) takes its version: decide again.
    await retryLostRaces(3, 'The webhook kept changing.', () => giveUp(claimed, common, result));
    attempts.inc({ outcome: 'failed' });
    // As a mail that fails for good: the line an operator's log-based alert counts (deploy/aws).
    // The endpoint's answer stays in the delivery, for its owner; the URL may hold a secret.
    ctx.log.warn(
      { delivery: claimed.id, webhook: claimed.webhook_id, attempts: common.attempts, status: result.status ?? null },
      'webhook delivery failed for good',
    );
  }

  async function giveUp(claimed: Claimed, common: Recorded, result: AttemptResult): Promise<void> {
    await ctx.write(async (trx) => {
      const failed = await held(trx as NotifyDb, claimed)
        .set({ ...common, attempts_left: 0, status: 'failed' })
        .executeTakeFirst();
      // A redelivery its owner asked for may fail without turning the endpoint off.
      if (failed.numUpdatedRows === 0n || claimed.manual) return;
      const stream = webhookStream(claimed.webhook_id);
      const { state, version } = await loadAggregate(trx, stream, webhook);
      const reason = `Delivery ${claimed.id} failed ${common.attempts} times; the last: ${result.error ?? 'unknown'}`;
      const disabled = disable(state, reason.slice(0, 500));
      if (!disabled) return;
      await appendToStream(trx, stream, version, [disabled]);
      const notificationId = newId();
      await appendToStream(trx, `notification-${notificationId}`, 0, [
        newEvent(NotificationCreated, {
          notification_id: notificationId,
          recipient_id: state.ownerId,
          type: 'webhook_disabled',
          webhook_id: state.id,
        }),
      ]);
    });
  }

  function track(work: Promise<void>): void {
    const tracked = work
      .catch((err: unknown) =>
        ctx.log.error({ err }, 'webhook delivery not recorded; its lease will lapse and it is tried again'),
      )
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }

  return {
    name: 'webhook deliveries',
    async run(signal) {
      while (!signal.aborted) {
        const room = settings.WEBHOOK_CONCURRENCY - inFlight.size;
        let claimed: Claimed[] = [];
        if (room > 0) {
          try {
            claimed = await claimDue(ctx.db, room, leaseMs);
          } catch (err) {
            if (!signal.aborted) ctx.log.warn({ err }, 'could not claim webhook deliveries');
          }
        }
        for (const delivery of claimed) track(attempt(delivery));
        // Full batches mean more may be due: look again at once.
        if (claimed.length > 0 && claimed.length === room) continue;
        await Promise.race([
          sleep(settings.WEBHOOK_POLL_MS, undefined, { signal }).catch(() => undefined),
          ...inFlight,
        ]);
      }
      await Promise.allSettled([...inFlight]);
    },
  };
}

/**
 * What came of each attempt: delivered (a 2xx), retry (tried again later) or failed
 * (the last attempt; the webhook is then turned off unless the delivery was a
 * redelivery its owner asked for).
 */
function webhookAttempts(ctx: ServiceContext): Counter<'outcome'> {
  return attemptsCounter(
    ctx,
    'starling_webhook_attempts_total',
    'Webhook delivery attempts by outcome: delivered, retry or failed (the last attempt failed)',
    ['delivered', 'retry', 'failed'],
  );
}
