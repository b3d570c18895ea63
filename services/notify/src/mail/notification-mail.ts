import { sealKeyOf, type Consumer, type ServiceContext } from '@starling/kit';
import { payloadOf } from '@starling/events';
import { NotificationCreated } from '../notifications/events.js';
import type { NotifyDb } from '../tables.js';
import type { PreferenceType } from './events.js';
import { preferencesOf } from './preferences.js';
import type { MailSettings } from './settings.js';
import { enqueueMail } from './store.js';
import type { NotificationMailData } from './templates/notification.js';

/**
 * Mails each notification as its recipient chose for its type: one mail now
 * (`immediate`), a line in the next digest (`digest`), or nothing (`off`). Only to a
 * confirmed address of a live account. `webhook_disabled` is always mailed at once:
 * the owner must learn that deliveries stopped. The preferences are read from their
 * stream, not the read model, so a change just made is never missed.
 */
export function notificationMail(ctx: ServiceContext, settings: MailSettings): Consumer {
  return {
    name: 'notify.mail.notifications',
    source: 'notify',
    types: [NotificationCreated.type],
    async handle(event, trx) {
      const db: NotifyDb = trx;
      const n = payloadOf(NotificationCreated, event);
      const recipient = await db.selectFrom('accounts').selectAll().where('id', '=', n.recipient_id).executeTakeFirst();
      if (!recipient || recipient.deleted || !recipient.email_verified) return;
      const setting =
        n.type === 'webhook_disabled'
          ? 'immediate'
          : (await preferencesOf(trx, n.recipient_id)).state[n.type as PreferenceType];
      if (setting === undefined || setting === 'off') return;
      const data = await describe(db, n);
      if (!data) return;
      const item: NotificationMailData = { ...data, recipient_name: recipient.name || recipient.username };
      if (setting === 'digest') {
        await db
          .insertInto('digest_items')
          .values({
            notification_id: n.notification_id,
            account_id: n.recipient_id,
            data: JSON.stringify(item),
            created_at: event.recordedAt,
            mail_key: null,
          })
          .onConflict((oc) => oc.column('notification_id').doNothing())
          .execute();
        return;
      }
      await enqueueMail(
        db,
        { settings, sealKey: sealKeyOf(ctx.config) },
        {
          key: `notification-${n.notification_id}`,
          template: 'notification',
          toUserId: recipient.id,
          toAddress: recipient.email,
          data: { ...item },
          unsubscribe: n.type === 'webhook_disabled' ? null : (n.type as PreferenceType),
        },
      );
    },
  };
}

/**
 * Who did it and to which tweet, from the directory. Undefined when the tweet is gone:
 * a mail about a deleted tweet is not sent, as the notification is not shown.
 */
async function describe(
  db: NotifyDb,
  n: { type: string; actor_id?: string; tweet_id?: string; webhook_id?: string },
): Promise<Omit<NotificationMailData, 'recipient_name'> | undefined> {
  const actor = n.actor_id
    ? await db
        .selectFrom('accounts')
        .select(['username', 'name', 'deleted'])
        .where('id', '=', n.actor_id)
        .executeTakeFirst()
    : undefined;
  if (actor?.deleted) return undefined;
  const tweet = n.tweet_id
    ? await db.selectFrom('tweets').select(['body', 'deleted']).where('id', '=', n.tweet_id).executeTakeFirst()
    : undefined;
  if (tweet?.deleted) return undefined;
  return {
    type: n.type,
    ...(actor ? { actor_name: actor.name, actor_username: actor.username } : {}),
    ...(n.tweet_id ? { tweet_id: n.tweet_id } : {}),
    ...(tweet ? { tweet_body: tweet.body } : {}),
    ...(n.webhook_id ? { webhook_id: n.webhook_id } : {}),
  };
}
