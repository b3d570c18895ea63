import type { Db, DeferrableWork } from '@starling/kit';
import { sql, type RawBuilder } from 'kysely';
import {
  backfill,
  backfillFollows,
  fanOutEntries,
  grow,
  pendFanOut,
  homeCandidates,
  lockHomes,
  removeEntries,
  type HomeLimits,
  type NewEntry,
} from './homes.js';

/**
 * How the projections change home timelines (homes.ts), event by event, or not at all
 * while a bulk catch-up defers them (a seed, a rebuild: see `DeferrableWork`); then
 * `rebuildHomes` builds every home once. The tweets and follows projections share one,
 * so both stop and the homes are rebuilt once.
 */
export interface HomeWrites {
  limits: HomeLimits;
  /** New entries, read from `pending_fanout` until `fanOut` has written them into the homes. */
  pend(trx: Db, entries: NewEntry[]): Promise<void>;
  fanOut(trx: Db, entries: NewEntry[]): Promise<void>;
  backfillFollows(trx: Db, follows: Array<{ followerId: string; followeeId: string }>): Promise<void>;
  backfill(trx: Db, actorId: string, followerId: string | undefined): Promise<void>;
  remove(trx: Db, where: RawBuilder<unknown>): Promise<void>;
  deferrable: DeferrableWork;
}

export function homeWrites(limits: HomeLimits): HomeWrites {
  let deferred = false;
  const unlessDeferred =
    <A extends unknown[]>(write: (trx: Db, ...args: A) => Promise<void>) =>
    async (trx: Db, ...args: A) => {
      if (!deferred) await write(trx, ...args);
    };
  return {
    limits,
    pend: unlessDeferred((trx, entries: NewEntry[]) => pendFanOut(trx, entries)),
    fanOut: unlessDeferred((trx, entries: NewEntry[]) => fanOutEntries(trx, entries, limits)),
    backfillFollows: unlessDeferred((trx, follows: Array<{ followerId: string; followeeId: string }>) =>
      backfillFollows(trx, follows, limits),
    ),
    backfill: unlessDeferred((trx, actorId: string, followerId: string | undefined) =>
      backfill(trx, actorId, followerId, limits),
    ),
    remove: unlessDeferred((trx, where: RawBuilder<unknown>) => removeEntries(trx, where, limits)),
    deferrable: {
      label: 'home timelines',
      defer() {
        deferred = true;
      },
      async finish(db, progress) {
        await db.transaction().execute((trx) => rebuildHomes(trx, limits, progress));
        deferred = false;
      },
    },
  };
}

/** Owners per statement: enough to keep round trips few, few enough to show progress. */
const OWNERS_PER_STATEMENT = 1000;

/**
 * Every home from scratch, from `tweets`, `reposts` and `follows` as they are: for each
 * owner, the newest `length` entries of E(owner) (the invariant in homes.ts), which is
 * what every fan-out, backfill and trim would have left. One transaction, a chunk of
 * owners per statement in key order (so the primary key grows at its right edge),
 * under the homes' lock. Each owner reads at most `length` entries per followee, by the
 * same indexes the refill uses.
 */
export async function rebuildHomes(
  trx: Db,
  limits: HomeLimits,
  progress?: (done: number, total: number) => void,
): Promise<void> {
  await lockHomes(trx);
  // Nothing is pending once every home is built from the tables as they are.
  await sql`truncate home_entries, home_sizes, pending_fanout`.execute(trx);
  const { rows } = await sql<{ owner_id: string }>`
    select distinct follower_id as owner_id from follows order by 1`.execute(trx);
  const owners = rows.map((r) => r.owner_id);
  for (let done = 0; done < owners.length; done += OWNERS_PER_STATEMENT) {
    progress?.(done, owners.length);
    const chunk = owners.slice(done, done + OWNERS_PER_STATEMENT);
    await grow(
      sql`
      insert into home_entries (owner_id, entry_key, tweet_id, actor_id, kind)
      select o.owner_id, e.entry_key, e.tweet_id, e.actor_id, e.kind
      from unnest(${chunk}::text[]) with ordinality as o(owner_id, n)
      cross join lateral (${homeCandidates(sql.ref('o.owner_id'), limits.length, limits)}) e
      order by o.n, e.entry_key
      returning owner_id`,
      limits,
    ).execute(trx);
  }
  progress?.(owners.length, owners.length);
}
