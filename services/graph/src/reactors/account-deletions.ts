import { appendToStream, loadAggregate, type Consumer } from '@starling/kit';
import { newEvent, UserDeleted, UserUnfollowed, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import { follow } from '../domain/follow.js';
import { recordDeletion } from '../projections/users.js';

/**
 * When an account is deleted (an identity event), every follow still standing in either
 * direction ends: one UserUnfollowed per pair stream whose last word is UserFollowed,
 * found in this service's own log. Pairs already unfollowed are skipped, so a
 * redelivered UserDeleted appends nothing. Other services' read models (identity's
 * counts, timelines) then follow from the graph's events alone.
 *
 * A follow command racing the deletion: the command locks both accounts' `users` rows
 * `for share` and refuses a deleted one (see set-following.ts). This reactor first marks
 * the account deleted in that row, which waits for every command holding it and makes
 * every later one refuse; only then does it read the log, so each UserFollowed is
 * either committed before the read (and ended here) or never appended at all.
 */
export const accountDeletions: Consumer = {
  name: 'graph.account-deletions',
  source: 'identity',
  types: [UserDeleted.type],
  async handle(event, trx) {
    const deleted = payloadOf(UserDeleted, event);
    await recordDeletion(trx, deleted);
    const { rows } = await sql<{ stream_id: string; follower_id: string; followee_id: string }>`
      select stream_id, data->>'follower_id' as follower_id, data->>'followee_id' as followee_id
      from events where type = 'UserFollowed' and data->>'follower_id' = ${deleted.user_id}
      union
      select stream_id, data->>'follower_id', data->>'followee_id'
      from events where type = 'UserFollowed' and data->>'followee_id' = ${deleted.user_id}
      order by stream_id`.execute(trx);
    for (const { stream_id, follower_id, followee_id } of rows) {
      const { state, version } = await loadAggregate(trx, stream_id, follow);
      if (!state.following) continue;
      await appendToStream(trx, stream_id, version, [
        {
          ...newEvent(UserUnfollowed, { follower_id, followee_id }),
          metadata: { causation_id: event.eventId },
        },
      ]);
    }
  },
};
