import type { Db, Projection } from '@starling/kit';
import { UserDeleted, UserRegistered, type PayloadOf, payloadOf } from '@starling/events';
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
        const d = payloadOf(UserRegistered, event);
        await sql`insert into users (id, username, deleted) values (${d.user_id}, ${d.username}, false)
                  on conflict (id) do nothing`.execute(trx);
        return;
      }
      case UserDeleted.type: {
        const d = payloadOf(UserDeleted, event);
        await lockFollows(trx);
        await recordDeletion(trx, d);
        await sql`delete from follows where follower_id = ${d.user_id} or followee_id = ${d.user_id}`.execute(trx);
        return;
      }
    }
  },
};

/**
 * Marks the account deleted. The account-deletions reactor records the same fact
 * first thing, so the row ends the same whichever of the two gets there first: an
 * update of a `for share`-locked row waits for the follow commands holding it.
 */
export async function recordDeletion(trx: Db, d: PayloadOf<typeof UserDeleted>): Promise<void> {
  await sql`insert into users (id, username, deleted) values (${d.user_id}, ${d.username}, true)
            on conflict (id) do update set deleted = true`.execute(trx);
}
