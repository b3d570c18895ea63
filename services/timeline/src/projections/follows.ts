import { batchingRuns, type Db, type Projection, type RecordedEvent } from '@starling/kit';
import { UserFollowed, UserUnfollowed, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import type { HomeWrites } from './home-writes.js';
import { lockHomes } from './homes.js';
import type { FollowerCountsTable, FollowsTable, TimelineDb } from '../tables.js';

/**
 * `follows` and `follower_counts`, from the graph's events, and the follows' side of
 * `home_entries` (see homes.ts). Following twice inserts once and unfollowing deletes by
 * key, and the homes move only when a row did: a follow backfills the followee's newest
 * entries, an unfollow removes them and refills. An account crossing FANOUT_MAX_FOLLOWERS
 * moves its entries: out of every follower's home when it becomes big (they are merged
 * in at read time from then on), into them when it is no longer big.
 */
export function followsProjection(homes: HomeWrites): Projection {
  const { limits } = homes;
  return {
    name: 'timeline.follows',
    source: 'graph',
    tables: ['follows', 'follower_counts', 'home_entries', 'home_sizes'],
    deferrable: homes.deferrable,
    types: [UserFollowed.type, UserUnfollowed.type],
    // Runs of follows (a seed is millions of them) go set-based; unfollows one by one.
    handleBatch: batchingRuns([UserFollowed.type], (run, trx) => follow(trx, run, homes)),
    async handle(event, trx) {
      const d = event.type === UserFollowed.type ? payloadOf(UserFollowed, event) : payloadOf(UserUnfollowed, event);
      if (event.type === UserFollowed.type) return follow(trx, [event], homes);
      await lockHomes(trx);
      const db: TimelineDb = trx;
      const deleted = await db
        .deleteFrom('follows')
        .where('follower_id', '=', d.follower_id)
        .where('followee_id', '=', d.followee_id)
        .returning('follower_id')
        .execute();
      if (deleted.length === 0) return;
      // The last follower takes the row with it: counts hold only accounts that have followers.
      const { rows } = await sql<Pick<FollowerCountsTable, 'followers'>>`
        with gone as (delete from follower_counts where user_id = ${d.followee_id} and followers <= 1 returning 0 as followers),
             fewer as (update follower_counts set followers = followers - 1
                       where user_id = ${d.followee_id} and followers > 1 returning followers)
        select followers from gone union all select followers from fewer`.execute(trx);
      const followers = Number(rows[0]?.followers ?? 0);
      if (followers === limits.maxFollowers) {
        // Just stopped being big: into every remaining follower's home.
        await homes.backfill(trx, d.followee_id, undefined);
      } else if (followers < limits.maxFollowers) {
        await homes.remove(trx, sql`owner_id = ${d.follower_id} and actor_id = ${d.followee_id}`);
      }
    },
  };
}

/**
 * New follows: the rows (a follow already here changes nothing), the followees' counts,
 * and the homes. A followee that crossed FANOUT_MAX_FOLLOWERS in this run just became
 * big: its entries leave every home (read time merges them in from now on), which is
 * where one follow at a time would have left them too. The others' entries are
 * backfilled into their new followers' homes.
 */
async function follow(trx: Db, events: RecordedEvent[], homes: HomeWrites): Promise<void> {
  const { limits } = homes;
  const follows = events.map((e) => payloadOf(UserFollowed, e));
  await lockHomes(trx);
  const inserted = await sql<FollowsTable>`
    insert into follows (follower_id, followee_id)
    select * from unnest(${follows.map((f) => f.follower_id)}::text[], ${follows.map((f) => f.followee_id)}::text[])
    on conflict do nothing
    returning follower_id, followee_id`.execute(trx);
  if (inserted.rows.length === 0) return;
  const added = new Map<string, number>();
  for (const r of inserted.rows) added.set(r.followee_id, (added.get(r.followee_id) ?? 0) + 1);
  const { rows: counts } = await sql<FollowerCountsTable>`
    insert into follower_counts (user_id, followers)
    select * from unnest(${[...added.keys()]}::text[], ${[...added.values()]}::int[])
    on conflict (user_id) do update set followers = follower_counts.followers + excluded.followers
    returning user_id, followers`.execute(trx);
  const becameBig: string[] = [];
  const fannedOut = new Set<string>();
  for (const { user_id, followers } of counts) {
    const now = Number(followers);
    const before = now - added.get(user_id)!;
    if (before <= limits.maxFollowers && now > limits.maxFollowers) becameBig.push(user_id);
    else if (now <= limits.maxFollowers) fannedOut.add(user_id);
  }
  if (becameBig.length) await homes.remove(trx, sql`actor_id = any(${becameBig}::text[])`);
  const backfills = inserted.rows
    .filter((r) => fannedOut.has(r.followee_id))
    .map((r) => ({ followerId: r.follower_id, followeeId: r.followee_id }));
  await homes.backfillFollows(trx, backfills);
}
