import { UserDeleted, UserProfileUpdated, UserRegistered, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import type { Projection } from '@starling/kit';

/**
 * An `authors (id, username, name, version, modified_at)` table in the consuming service's schema:
 * the usernames and display names it shows beside tweets, kept from identity's events,
 * since no service reads identity's tables. The user stream's version guards each row,
 * so a redelivered event never undoes a later one. Every service that shows people's
 * names keeps them this one way; `name` is its consumer's checkpoint key.
 */
export const authorsProjection = (name: string): Projection => ({
  name,
  source: 'identity',
  tables: ['authors'],
  types: [UserRegistered.type, UserProfileUpdated.type, UserDeleted.type],
  async handle(event, trx) {
    switch (event.type) {
      case UserRegistered.type: {
        const d = payloadOf(UserRegistered, event);
        await sql`insert into authors (id, username, name, version, modified_at)
                  values (${d.user_id}, ${d.username}, ${d.name}, ${event.version}, ${event.recordedAt})
                  on conflict (id) do nothing`.execute(trx);
        return;
      }
      case UserProfileUpdated.type: {
        const d = payloadOf(UserProfileUpdated, event);
        await sql`update authors set name = coalesce(${d.name ?? null}, name), version = ${event.version},
                                     modified_at = ${event.recordedAt}
                  where id = ${d.user_id} and version < ${event.version}`.execute(trx);
        return;
      }
      case UserDeleted.type:
        await sql`delete from authors where id = ${payloadOf(UserDeleted, event).user_id}`.execute(trx);
        return;
    }
  },
});
