import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '@starling/kit';

export interface Claimed {
  id: string;
  webhook_id: string;
  body: string;
  attempts: number;
  attempts_left: number;
  manual: boolean;
  lease_token: string;
  url: string;
  sealed_secret: string;
}

/**
 * Leases up to `limit` due deliveries to this worker for `leaseMs`. Only the oldest
 * pending delivery of each enabled webhook is due (order per endpoint: the next waits
 * until the one before it succeeds or gives up), and rows another worker is claiming
 * are skipped, not waited for, so no two workers ever hold the same delivery and a
 * slow endpoint holds back nobody else's.
 */
export async function claimDue(db: Db, limit: number, leaseMs: number): Promise<Claimed[]> {
  const token = randomUUID();
  const { rows } = await sql<Claimed>`
    with due as (
      select d.id from webhook_deliveries d
      join webhooks w on w.id = d.webhook_id and w.enabled
      where d.status = 'pending'
        and d.next_attempt_at <= clock_timestamp()
        and (d.lease_until is null or d.lease_until < clock_timestamp())
        and not exists (
          select 1 from webhook_deliveries e
          where e.webhook_id = d.webhook_id and e.status = 'pending' and e.id < d.id)
      order by d.next_attempt_at
      limit ${limit}
      for update of d skip locked)
    update webhook_deliveries as d
    set lease_token = ${token},
        lease_until = clock_timestamp() + ${`${leaseMs} milliseconds`}::interval
    from due, webhooks w
    where d.id = due.id and w.id = d.webhook_id
    returning d.id, d.webhook_id, d.body, d.attempts, d.attempts_left, d.manual, d.lease_token,
              w.url, w.sealed_secret`.execute(db);
  return rows;
}
