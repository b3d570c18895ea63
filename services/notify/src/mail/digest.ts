import { setTimeout as sleep } from 'node:timers/promises';
import type { Loop, ServiceContext } from '@starling/kit';
import { sql } from 'kysely';
import type { NotifyDb } from '../tables.js';
import { enqueueMail, type MailEnvironment } from './store.js';
import type { DigestItemsTable } from './tables.js';
import type { NotificationMailData } from './templates/notification.js';

/**
 * Gathers each account's digest items into one mail per interval
 * (MAIL_DIGEST_INTERVAL_SECONDS, counted from the epoch): once an interval is over,
 * the items it left waiting become one mail keyed `digest-<account>-<interval start>`.
 * Items are taken `for update skip locked` and marked in the transaction that records
 * the mail, so two workers never put one item in two digests, and the key makes a
 * second digest for the same account and interval impossible.
 */
export function digestLoop(ctx: ServiceContext, env: MailEnvironment): Loop {
  const db = ctx.db as NotifyDb;
  const intervalMs = env.settings.MAIL_DIGEST_INTERVAL_SECONDS * 1000;
  return {
    name: 'mail digests',
    async run(signal) {
      while (!signal.aborted) {
        try {
          await gather(db, env, intervalMs);
        } catch (err) {
          ctx.log.error({ err }, 'mail digests failed; trying again');
        }
        const wait = Math.min(env.settings.MAIL_POLL_MS * 5, intervalMs);
        await sleep(wait, undefined, { signal }).catch(() => undefined);
      }
    },
  };
}

type Item = Pick<DigestItemsTable, 'notification_id' | 'account_id'> & { data: NotificationMailData };

async function gather(db: NotifyDb, env: MailEnvironment, intervalMs: number): Promise<void> {
  const periodStart = new Date(Math.floor(Date.now() / intervalMs) * intervalMs);
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<Item>`
      select notification_id, account_id, data from digest_items
      where mail_key is null and created_at < ${periodStart}
      order by account_id, created_at, notification_id
      limit 1000
      for update skip locked`.execute(trx);
    const byAccount = new Map<string, Item[]>();
    for (const item of rows) byAccount.set(item.account_id, [...(byAccount.get(item.account_id) ?? []), item]);
    for (const [accountId, items] of byAccount) {
      const key = `digest-${accountId}-${periodStart.toISOString().replace(/[^0-9TZ]/g, '')}`;
      const recipient = await trx.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
      // An account deleted or unconfirmed since: its items are set aside, not mailed.
      if (recipient && !recipient.deleted && recipient.email_verified) {
        await enqueueMail(trx, env, {
          key,
          template: 'digest',
          toUserId: accountId,
          toAddress: recipient.email,
          data: { recipient_name: recipient.name || recipient.username, items: items.map((i) => i.data) },
          unsubscribe: 'all',
        });
      }
      await trx
        .updateTable('digest_items')
        .set({ mail_key: key })
        .where(
          'notification_id',
          'in',
          items.map((i) => i.notification_id),
        )
        .execute();
    }
  });
}
