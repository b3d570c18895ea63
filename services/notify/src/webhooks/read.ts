import { refuse, type Caller } from '@starling/kit';
import { sql } from 'kysely';
import type { NotifyDb } from '../tables.js';
import { manages } from './domain.js';

/** The webhooks the caller may manage: their own, and for an admin the instance's; oldest first. */
export function listManaged(db: NotifyDb, caller: Pick<Caller, 'userId' | 'role'>) {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'account'), eb('owner_id', '=', caller.userId)]),
        ...(caller.role === 'admin' ? [eb('scope', '=', 'instance')] : []),
      ]),
    )
    .orderBy('id')
    .execute();
}

/** The webhook `id` if the caller may manage it; any other is a 404, as if absent. */
export async function findManaged(db: NotifyDb, id: string, caller: Pick<Caller, 'userId' | 'role'>) {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !manages(caller, { ownerId: row.owner_id, scope: row.scope })) {
    throw refuse.notFound(`You have no webhook ${id}.`);
  }
  return row;
}

/** A page of a webhook's deliveries, newest first, after the cursor's delivery id. */
export function deliveriesPage(db: NotifyDb, webhookId: string, limit: number, before: string | undefined) {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
  if (before !== undefined) query = query.where('id', '<', before);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Queues a delivery that succeeded or gave up to be sent once more, with the same id
 * (its `webhook-id`); one still pending is a conflict.
 */
export async function redeliver(db: NotifyDb, webhookId: string, deliveryId: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', '=', deliveryId)
      .where('webhook_id', '=', webhookId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw refuse.notFound(`Webhook ${webhookId} has no delivery ${deliveryId}.`);
    if (row.status === 'pending') throw refuse.conflict(`Delivery ${deliveryId} is still pending.`);
    return trx
      .updateTable('webhook_deliveries')
      .set({
        status: 'pending',
        attempts_left: 1,
        manual: true,
        next_attempt_at: sql<Date>`clock_timestamp()`,
        lease_token: null,
        lease_until: null,
      })
      .where('id', '=', deliveryId)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
