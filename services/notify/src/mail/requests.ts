import { sealKeyOf, type Consumer, type ServiceContext } from '@starling/kit';
import { MailRequested, payloadOf } from '@starling/events';
import type { NotifyDb } from '../tables.js';
import type { MailSettings } from './settings.js';
import { enqueueMail } from './store.js';

/**
 * The services that may ask for mail with `MailRequested`. A service that starts
 * asking is one more entry here.
 */
export const MAIL_SOURCES = ['identity'] as const;

/**
 * Records each requested mail under its `mail_id`. Account mail (confirming an address,
 * resetting a password) goes whether or not the address is confirmed: that is what it
 * is for. The address is `to_email` when given, else the account's as the directory has
 * it; when the directory has not heard of the account yet, the sender looks again.
 */
export function mailRequests(ctx: ServiceContext, settings: MailSettings): Consumer[] {
  return MAIL_SOURCES.map((source) => ({
    name: `notify.mail.requests.${source}`,
    source,
    types: [MailRequested.type],
    async handle(event, trx) {
      const db: NotifyDb = trx;
      const d = payloadOf(MailRequested, event);
      const account = await db
        .selectFrom('accounts')
        .select(['email', 'deleted'])
        .where('id', '=', d.to_user_id)
        .executeTakeFirst();
      await enqueueMail(
        db,
        { settings, sealKey: sealKeyOf(ctx.config) },
        {
          key: d.mail_id,
          template: d.template,
          toUserId: d.to_user_id,
          toAddress: d.to_email ?? (account && !account.deleted ? account.email : null),
          data: d.data,
          sealed: d.sealed ?? null,
        },
      );
    },
  }));
}
