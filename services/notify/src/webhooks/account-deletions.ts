import { appendToStream, loadAggregate, type Consumer } from '@starling/kit';
import { UserDeleted, payloadOf } from '@starling/events';
import type { NotifyDb } from '../tables.js';
import { remove, webhook, webhookStream } from './domain.js';

/**
 * A deleted account's own webhooks go with it (its URLs are its data): each is deleted
 * and what it had not yet sent is dropped. Instance webhooks belong to the instance and
 * stay. A redelivered UserDeleted finds them deleted already and does nothing.
 */
export const webhookAccountDeletions: Consumer = {
  name: 'notify.webhooks.account-deletions',
  source: 'identity',
  types: [UserDeleted.type],
  async handle(event, trx) {
    const db: NotifyDb = trx;
    const { user_id } = payloadOf(UserDeleted, event);
    const owned = await db
      .selectFrom('webhooks')
      .select('id')
      .where('owner_id', '=', user_id)
      .where('scope', '=', 'account')
      .execute();
    for (const { id } of owned) {
      const { state, version } = await loadAggregate(trx, webhookStream(id), webhook);
      if (!state.exists || state.deleted) continue;
      await appendToStream(trx, webhookStream(id), version, [
        { ...remove(state), metadata: { causation_id: event.eventId } },
      ]);
      await db.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).where('status', '=', 'pending').execute();
    }
  },
};
