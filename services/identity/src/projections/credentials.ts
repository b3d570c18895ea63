import type { Projection } from '@starling/kit';
import { PasswordChanged, UserDeleted, UserRegistered, payloadOf } from '@starling/events';
import { sql } from 'kysely';

/** `credentials`: the current password hash per account, read by login only. */
export const credentialsProjection: Projection = {
  name: 'identity.credentials',
  source: 'identity',
  tables: ['credentials'],
  types: [UserRegistered.type, PasswordChanged.type, UserDeleted.type],
  async handle(event, trx) {
    if (event.type === UserDeleted.type) {
      await sql`delete from credentials where user_id = ${payloadOf(UserDeleted, event).user_id}`.execute(trx);
      return;
    }
    const d = event.type === UserRegistered.type ? payloadOf(UserRegistered, event) : payloadOf(PasswordChanged, event);
    await sql`
      insert into credentials (user_id, password_hash) values (${d.user_id}, ${d.password_hash})
      on conflict (user_id) do update set password_hash = excluded.password_hash`.execute(trx);
  },
};
