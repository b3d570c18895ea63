import type { Projection } from '@starling/kit';
import { payloadOf } from '@starling/events';
import type { NotifyDb } from '../tables.js';
import {
  WebhookChanged,
  WebhookCreated,
  WebhookDeleted,
  WebhookDisabled,
  WebhookSecretRotated,
  webhookEventTypes,
} from './events.js';

/** `webhooks`, from the webhook events: what the API lists and the queue and sender read. */
export const webhooksProjection: Projection = {
  name: 'notify.webhooks',
  source: 'notify',
  tables: ['webhooks'],
  types: webhookEventTypes,
  async handle(event, trx) {
    const db: NotifyDb = trx;
    const version = event.version;
    // Each event names the version it makes: one applied twice changes nothing.
    const at = (id: string) =>
      db.updateTable('webhooks').where('id', '=', id).where('version', '<', version).set({ version });
    switch (event.type) {
      case WebhookCreated.type: {
        const d = payloadOf(WebhookCreated, event);
        await db
          .insertInto('webhooks')
          .values({
            id: d.webhook_id,
            owner_id: d.owner_id,
            scope: d.scope,
            url: d.url,
            events: JSON.stringify(d.events) as unknown as string[],
            description: d.description,
            enabled: true,
            disabled_reason: null,
            sealed_secret: d.sealed_secret,
            version,
            created_at: event.recordedAt,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        return;
      }
      case WebhookChanged.type: {
        const d = payloadOf(WebhookChanged, event);
        await at(d.webhook_id)
          .set({
            ...(d.url !== undefined ? { url: d.url } : {}),
            ...(d.events !== undefined ? { events: JSON.stringify(d.events) as unknown as string[] } : {}),
            ...(d.description !== undefined ? { description: d.description } : {}),
            ...(d.enabled !== undefined ? { enabled: d.enabled } : {}),
            ...(d.enabled === true ? { disabled_reason: null } : {}),
          })
          .execute();
        return;
      }
      case WebhookSecretRotated.type: {
        const d = payloadOf(WebhookSecretRotated, event);
        await at(d.webhook_id).set({ sealed_secret: d.sealed_secret }).execute();
        return;
      }
      case WebhookDisabled.type: {
        const d = payloadOf(WebhookDisabled, event);
        await at(d.webhook_id).set({ enabled: false, disabled_reason: d.reason }).execute();
        return;
      }
      case WebhookDeleted.type: {
        const d = payloadOf(WebhookDeleted, event);
        await db.deleteFrom('webhooks').where('id', '=', d.webhook_id).execute();
        return;
      }
    }
  },
};
