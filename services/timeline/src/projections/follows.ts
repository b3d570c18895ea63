import type { Projection } from '@starling/kit';
import { UserFollowed, UserUnfollowed, type PayloadOf } from '@starling/events';
import { sql } from 'kysely';
import { backfill, lockHomes, removeEntries, type HomeLimits } from './homes.js';

/**
 * `follows` and `follower_counts`, from the graph's events, and the follows' side of
 * `home_entries` (see homes.ts). Following twice inserts once and unfollowing deletes by
 * key, and the homes move only when a row did: a follow backfills the followee's newest
 * entries, an unfollow removes them and refills. An account crossing FANOUT_MAX_FOLLOWERS
 * moves its entries: out of every follower's home when it becomes big (they are merged
 * in at read time from then on), into them when it is no longer big.
 */
export function followsProjection(limits: HomeLimits): Projection {
  return {
    name: 'timeline.follows',
    source: 'graph',
    tables: ['follows', 'follower_counts', 'home_entries', 'home_sizes'],
    types: [UserFollowed.type, UserUnfollowed.type],
    async handle(event, trx) {
      const d = event.data as PayloadOf<typeof UserFollowed> | PayloadOf<typeof UserUnfollowed>;
      await lockHomes(trx);
      if (event.type === UserFollowed.type) {
        const inserted = await sql`
          insert into follows (follower_id, followee_id) values (${d.follower_id}, ${d.followee_id})
          on conflict do nothing returning follower_id`.execute(trx);
        if (inserted.rows.length === 0) return;
        const { rows } = await sql<{ followers: number }>`
          insert into follower_counts (user_id, followers) values (${d.followee_id}, 1)
          on conflict (user_id) do update set followers = follower_counts.followers + 1
          returning followers`.execute(trx);
        const followers = Number(rows[0]!.followers);
        if (followers === limits.maxFollowers + 1) {
          // Just became big: out of every home; read time merges it in from now on.
          await removeEntries(trx, sql`actor_id = ${d.followee_id}`, limits);
        } else if (followers <= limits.maxFollowers) {
          await backfill(trx, d.followee_id, d.follower_id, limits);
        }
      } else {
        const deleted = await sql`
          delete from follows where follower_id = ${d.follower_id} and followee_id = ${d.followee_id}
          returning follower_id`.execute(trx);
        if (deleted.rows.length === 0) return;
        // The last follower takes the row with it: counts hold only accounts that have followers.
        const { rows } = await sql<{ followers: number }>`
          with gone as (delete from follower_counts where user_id = ${d.followee_id} and followers <= 1 returning 0 as followers),
               fewer as (update follower_counts set followers = followers - 1
                         where user_id = ${d.followee_id} and followers > 1 returning followers)
          select followers from gone union all select followers from fewer`.execute(trx);
        const followers = Number(rows[0]?.followers ?? 0);
        if (followers === limits.maxFollowers) {
          // Just stopped being big: into every remaining follower's home.
          await backfill(trx, d.followee_id, undefined, limits);
        } else if (followers < limits.maxFollowers) {
          await removeEntries(trx, sql`owner_id = ${d.follower_id} and actor_id = ${d.followee_id}`, limits);
        }
      }
    },
  };
}
