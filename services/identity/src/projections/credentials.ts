import type { Projection } from '@starling/kit';
import { PasswordChanged, UserDeleted, UserRegistered, payloadOf } from '@starling/events';
import type { IdentityDb } from '../tables.js';

/** `credentials`: the current password hash per account, read by login only. */
export const credentialsProjection: Projection = {
  name: 'identity.credentials',
  source: 'identity',
  tables: ['credentials'],
  types: [UserRegistered.type, PasswordChanged.type, UserDeleted.type],
  async handle(event, trx) {
    const db: IdentityDb = trx;
    if (event.type === UserDeleted.type) {
      await db.deleteFrom('credentials').where('user_id', '=', payloadOf(UserDeleted, event).user_id).execute();
      return;
    }
    const d = event.type === UserRegistered.type ? payloadOf(UserRegistered, event) : payloadOf(PasswordChanged, event);
    await db
      .insertInto('credentials')
      .values({ user_id: d.user_id, password_hash: d.password_hash })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet((eb) => ({ password_hash: eb.ref('excluded.password_hash') })),
      )
      .execute();
  },
};
