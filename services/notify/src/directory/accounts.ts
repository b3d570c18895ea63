import type { Projection } from '@starling/kit';
import {
  AdminRoleGranted,
  EmailVerified,
  UserDeleted,
  UserProfileUpdated,
  UserRegistered,
  payloadOf,
} from '@starling/events';
import type { NotifyDb } from '../tables.js';

/**
 * `accounts`, from identity's events. A deleted account stays, marked, so that nothing
 * is sent to or shown about it when an event about it arrives late. A changed address is
 * unconfirmed until its own EmailVerified.
 */
export const accountsProjection: Projection = {
  name: 'notify.accounts',
  source: 'identity',
  tables: ['accounts'],
  types: [UserRegistered.type, UserProfileUpdated.type, EmailVerified.type, AdminRoleGranted.type, UserDeleted.type],
  async handle(event, trx) {
    const db: NotifyDb = trx;
    switch (event.type) {
      case UserRegistered.type: {
        const d = payloadOf(UserRegistered, event);
        await db
          .insertInto('accounts')
          .values({
            id: d.user_id,
            username: d.username,
            name: d.name,
            email: d.email,
            email_verified: false,
            is_admin: false,
            deleted: false,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        return;
      }
      case UserProfileUpdated.type: {
        const d = payloadOf(UserProfileUpdated, event);
        const changes = {
          ...(d.name !== undefined ? { name: d.name } : {}),
          ...(d.email !== undefined ? { email: d.email, email_verified: false } : {}),
        };
        if (Object.keys(changes).length)
          await db.updateTable('accounts').set(changes).where('id', '=', d.user_id).execute();
        return;
      }
      case EmailVerified.type: {
        const d = payloadOf(EmailVerified, event);
        // Only the address that was confirmed: one changed since stays unconfirmed.
        await db
          .updateTable('accounts')
          .set({ email_verified: true })
          .where('id', '=', d.user_id)
          .where('email', '=', d.email)
          .execute();
        return;
      }
      case AdminRoleGranted.type: {
        const d = payloadOf(AdminRoleGranted, event);
        await db.updateTable('accounts').set({ is_admin: true }).where('id', '=', d.user_id).execute();
        return;
      }
      case UserDeleted.type: {
        const d = payloadOf(UserDeleted, event);
        await db.updateTable('accounts').set({ deleted: true }).where('id', '=', d.user_id).execute();
        return;
      }
    }
  },
};
