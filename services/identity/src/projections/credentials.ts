import type { Projection } from '@starling/kit';
import { PasswordChanged, UserDeleted, UserRegistered, type PayloadOf } from '@starling/events';
import { sql } from 'kysely';

/** `credentials`: the current password hash per account, read by login only. */
export const credentialsProjection: Projection = {
  name: 'identity.credentials',
  source: 'identity',
  tables: ['credentials'],
  types: [UserRegistered.type, PasswordChanged.type, UserDeleted.type],
  async handle(event, trx) {
    const d = event.data as PayloadOf<typeof UserRegistered> | PayloadOf<typeof PasswordChanged>;
    if (event.type === UserDeleted.type) {
      await sql`delete from credentials where user_id = ${d.user_id}`.execute(trx);
      return;
    }
    await sql`
      insert into credentials (user_id, password_hash) values (${d.user_id}, ${d.password_hash})
      on conflict (user_id) do update set password_hash = excluded.password_hash`.execute(trx);
  },
};
