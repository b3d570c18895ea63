import type { Projection } from '@starling/kit';
import { UserDeleted, UserRegistered, type PayloadOf } from '@starling/events';
import { sql } from 'kysely';
import { lockFollows } from './lock.js';

/**
 * `users`: who has an account, from identity's events; the graph service never reads
 * identity's tables. A deleted account stays as a tombstone (`deleted`), so a follow
 * applied after the deletion (a replay in another order) is still refused, and its
 * follows in both directions are removed from `follows`.
 */
export const usersProjection: Projection = {
  name: 'graph.users',
  source: 'identity',
  tables: ['users'],
  types: [UserRegistered.type, UserDeleted.type],
  async handle(event, trx) {
    switch (event.type) {
      case UserRegistered.type: {
        const d = event.data as PayloadOf<typeof UserRegistered>;
        await sql`insert into users (id, username, deleted) values (${d.user_id}, ${d.username}, false)
                  on conflict (id) do nothing`.execute(trx);
        return;
      }
      case UserDeleted.type: {
        const d = event.data as PayloadOf<typeof UserDeleted>;
        await lockFollows(trx);
        await sql`insert into users (id, username, deleted) values (${d.user_id}, ${d.username}, true)
                  on conflict (id) do update set deleted = true`.execute(trx);
        await sql`delete from follows where follower_id = ${d.user_id} or followee_id = ${d.user_id}`.execute(trx);
        return;
      }
    }
  },
};
