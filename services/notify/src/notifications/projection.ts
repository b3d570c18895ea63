import type { Projection } from '@starling/kit';
import { payloadOf } from '@starling/events';
import { sql } from 'kysely';
import type { NotifyDb } from '../tables.js';
import { NotificationCreated, NotificationDismissed, NotificationsRead, NotificationsRemoved } from './events.js';

/**
 * `notifications`, the read markers and the removals, from notify's own log alone, so a
 * rebuild gives the same result; and the streams' `notification_feed`, which a rebuild
 * leaves as it is. A NotificationCreated about an account or tweet whose
 * removal came first in the log (the reactors of different sources run independently) is
 * dropped here; the reads also check the directory, in case its deletion is not yet
 * in this log at all.
 */
export const notificationsProjection: Projection = {
  name: 'notify.notifications',
  source: 'notify',
  tables: ['notifications', 'notification_markers', 'notification_removals'],
  types: [NotificationCreated.type, NotificationsRead.type, NotificationDismissed.type, NotificationsRemoved.type],
  async handle(event, trx) {
    const db: NotifyDb = trx;
    switch (event.type) {
      case NotificationCreated.type: {
        const n = payloadOf(NotificationCreated, event);
        const { rows: removed } = await sql`
          select 1 from notification_removals
          where (kind = 'account' and id in (${n.recipient_id}, ${n.actor_id ?? ''}))
             or (kind = 'tweet' and id = ${n.tweet_id ?? ''})
             or (kind = 'notification' and id = ${n.notification_id})`.execute(trx);
        if (removed.length > 0) return;
        await db
          .insertInto('notifications')
          .values({
            notification_id: n.notification_id,
            stream_id: event.streamId,
            recipient_id: n.recipient_id,
            type: n.type,
            actor_id: n.actor_id ?? null,
            tweet_id: n.tweet_id ?? null,
            webhook_id: n.webhook_id ?? null,
            created_at: event.recordedAt,
          })
          .onConflict((oc) => oc.column('notification_id').doNothing())
          .execute();
        // Held to commit: `seq` is taken in commit order, so a stream that has read up to
        // some seq never later finds a smaller one committed by a slower transaction.
        await sql`select pg_advisory_xact_lock(hashtext('notify.notification_feed'))`.execute(trx);
        await db
          .insertInto('notification_feed')
          .values({ notification_id: n.notification_id, recipient_id: n.recipient_id })
          .onConflict((oc) => oc.column('notification_id').doNothing())
          .execute();
        return;
      }
      case NotificationsRead.type: {
        const { account_id, up_to_id } = payloadOf(NotificationsRead, event);
        // The marker never moves back, whatever order reads were appended in.
        await sql`
          insert into notification_markers (account_id, read_up_to) values (${account_id}, ${up_to_id})
          on conflict (account_id) do update
          set read_up_to = greatest(notification_markers.read_up_to, excluded.read_up_to)`.execute(trx);
        return;
      }
      case NotificationDismissed.type: {
        const { account_id, notification_id } = payloadOf(NotificationDismissed, event);
        await db
          .insertInto('notification_removals')
          .values({ kind: 'notification', id: notification_id })
          .onConflict((oc) => oc.doNothing())
          .execute();
        await db
          .deleteFrom('notifications')
          .where('notification_id', '=', notification_id)
          .where('recipient_id', '=', account_id)
          .execute();
        return;
      }
      case NotificationsRemoved.type: {
        const gone = payloadOf(NotificationsRemoved, event);
        if (gone.reason === 'tweet_deleted') {
          await db
            .insertInto('notification_removals')
            .values({ kind: 'tweet', id: gone.tweet_id })
            .onConflict((oc) => oc.doNothing())
            .execute();
          await db.deleteFrom('notifications').where('tweet_id', '=', gone.tweet_id).execute();
          return;
        }
        await db
          .insertInto('notification_removals')
          .values({ kind: 'account', id: gone.account_id })
          .onConflict((oc) => oc.doNothing())
          .execute();
        await db
          .deleteFrom('notifications')
          .where((eb) => eb.or([eb('recipient_id', '=', gone.account_id), eb('actor_id', '=', gone.account_id)]))
          .execute();
        await db.deleteFrom('notification_markers').where('account_id', '=', gone.account_id).execute();
        return;
      }
    }
  },
};
