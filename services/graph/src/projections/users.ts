import type { Projection } from '@starling/kit';
import { UserDeleted, UserRegistered, type PayloadOf, payloadOf } from '@starling/events';
import { lockFollows } from './lock.js';
import type { GraphDb } from '../tables.js';

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
    const db: GraphDb = trx;
    switch (event.type) {
      case UserRegistered.type: {
        const d = payloadOf(UserRegistered, event);
        await db
          .insertInto('users')
          .values({ id: d.user_id, username: d.username, deleted: false })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        return;
      }
      case UserDeleted.type: {
        const d = payloadOf(UserDeleted, event);
        await lockFollows(db);
        await recordDeletion(db, d);
        await db
          .deleteFrom('follows')
          .where((eb) => eb.or([eb('follower_id', '=', d.user_id), eb('followee_id', '=', d.user_id)]))
          .execute();
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
export async function recordDeletion(trx: GraphDb, d: PayloadOf<typeof UserDeleted>): Promise<void> {
  await trx
    .insertInto('users')
    .values({ id: d.user_id, username: d.username, deleted: true })
    .onConflict((oc) => oc.column('id').doUpdateSet({ deleted: true }))
    .execute();
}
