import type { Db } from '@starling/kit';
import { sql, type RawBuilder } from 'kysely';

/*
 * Home timelines, fanned out on write (docs/timelines.md). Every change keeps one
 * invariant, for every owner u:
 *
 *   home_entries(u) = the newest `length` entries of E(u), where E(u) is every tweet and
 *   repost by an account u follows that has at most `maxFollowers` followers.
 *
 * Each step below is exact given the invariant (insert then trim; delete then refill from
 * below the oldest entry left; a threshold crossing moves an account's entries out of or
 * into its followers' homes), so the tables are a function of the current tweets,
 * reposts and follows, whatever order the tweets and graph logs were applied in. The
 * owner's own entries and big accounts' entries are not stored: reads merge them in.
 */

export interface HomeLimits {
  /** HOME_TIMELINE_LENGTH */
  length: number;
  /** FANOUT_MAX_FOLLOWERS */
  maxFollowers: number;
}

/**
 * The tweets projection and the follows projection both change homes and run
 * concurrently. Each takes this lock before reading what a home is made of, so one
 * never fans out from a state the other has half changed (a tweet and a follow applied
 * at once would each miss the other). Reads take no lock and are not blocked.
 */
export async function lockHomes(trx: Db): Promise<void> {
  await sql`lock table home_entries in share row exclusive mode`.execute(trx);
}

/**
 * The newest `limit` entries by `actor` (their tweets and reposts, by index), older than
 * `below` when it is given and not null.
 */
export const actorEntries = (
  actor: RawBuilder<unknown> | string,
  limit: RawBuilder<unknown> | number,
  below?: RawBuilder<unknown>,
) => {
  const under = (column: RawBuilder<unknown>) =>
    below !== undefined ? sql`and (${below} is null or ${column} < ${below})` : sql``;
  return sql`
  (select t.id as entry_key, t.id as tweet_id, t.author_id as actor_id, 'tweet'::text as kind
   from tweets t
   where t.author_id = ${actor} ${under(sql.ref('t.id'))}
   order by t.id desc limit ${limit})
  union all
  (select r.repost_id as entry_key, r.tweet_id, r.user_id as actor_id, 'repost'::text as kind
   from reposts r
   where r.user_id = ${actor} ${under(sql.ref('r.repost_id'))}
   order by r.repost_id desc limit ${limit})`;
};

/**
 * The newest `limit` entries of E(`owner`) (older than `below` when it is given and not
 * null): the entries of every account the owner follows that is fanned out.
 */
export const homeCandidates = (
  owner: RawBuilder<unknown>,
  limit: RawBuilder<unknown> | number,
  limits: HomeLimits,
  below?: RawBuilder<unknown>,
) => sql`
  select c.* from follows f
  cross join lateral (${actorEntries(sql.ref('f.followee_id'), limit, below)}) c
  where f.follower_id = ${owner} and f.followee_id <> ${owner}
    and ${isFannedOut(sql.ref('f.followee_id'), limits)}
  order by c.entry_key desc limit ${limit}`;

/** Whether an account's entries are fanned out: not more than `maxFollowers` followers. */
export const isFannedOut = (actor: RawBuilder<unknown> | string, limits: HomeLimits) =>
  sql`coalesce((select followers from follower_counts where user_id = ${actor}), 0) <= ${limits.maxFollowers}`;

/*
 * Each home's size is kept in `home_sizes` (a row only while it is not empty), so that
 * keeping a home at `length` costs an index step per excess entry: a new entry makes a
 * full home one too long, and only its oldest entry goes. (Counting the entries of a
 * full home on every fan-out walked `length` index entries per follower per tweet.)
 * Each statement below changes `home_entries` and the sizes together.
 */

/** Adds the rows an insert into `home_entries` returned (`owner_id`s) to the sizes: the homes now too long. */
export const grow = (inserted: RawBuilder<unknown>, limits: HomeLimits) => sql<{ owner_id: string; excess: number }>`
  with added as (${inserted}),
  sized as (
    insert into home_sizes (owner_id, entries)
    select owner_id, count(*)::int from added group by owner_id
    on conflict (owner_id) do update set entries = home_sizes.entries + excluded.entries
    returning owner_id, entries)
  select owner_id, entries - ${limits.length} as excess from sized where entries > ${limits.length}`;

/**
 * Takes the rows a delete from `home_entries` returned (`owner_id`s) off the sizes, and
 * forgets the homes left empty: the homes that lost entries.
 */
async function shrink(trx: Db, deleted: RawBuilder<unknown>): Promise<string[]> {
  const { rows } = await sql<{ owner_id: string; entries: number }>`
    with removed as (${deleted}),
    lost as (select owner_id, count(*)::int as n from removed group by owner_id)
    update home_sizes s set entries = s.entries - lost.n from lost
    where s.owner_id = lost.owner_id
    returning s.owner_id, s.entries`.execute(trx);
  const emptied = rows.filter((r) => r.entries === 0).map((r) => r.owner_id);
  if (emptied.length) await sql`delete from home_sizes where owner_id = any(${emptied}::text[])`.execute(trx);
  return rows.map((r) => r.owner_id);
}

/**
 * Drops the oldest `excess` entries of each home that grew too long. The rows are found
 * by each home's index range and deleted by their physical address (`ctid`), in one
 * statement: joining back on the key made planners without statistics (PGlite is never
 * analyzed) read whole homes.
 */
async function trim(trx: Db, over: Array<{ owner_id: string; excess: number }>): Promise<void> {
  if (over.length === 0) return;
  await shrink(
    trx,
    sql`
    delete from home_entries h
    where h.ctid = any(array(
      select x.ctid
      from unnest(${over.map((o) => o.owner_id)}::text[], ${over.map((o) => o.excess)}::int[]) as o(owner_id, excess)
      cross join lateral (
        select ctid from home_entries where owner_id = o.owner_id order by entry_key limit o.excess
      ) x
    ))
    returning h.owner_id`,
  );
}

/**
 * Tops up homes that lost entries: each gets the newest entries of E(owner) older than
 * its oldest remaining entry, up to `length` in all. Older entries of E were all below
 * that one, so this restores the invariant exactly.
 */
async function refill(trx: Db, owners: string[], limits: HomeLimits): Promise<void> {
  if (owners.length === 0) return;
  await grow(
    sql`
    insert into home_entries (owner_id, entry_key, tweet_id, actor_id, kind)
    select o.owner_id, e.entry_key, e.tweet_id, e.actor_id, e.kind
    from (
      select w.owner_id, ${limits.length} - coalesce(s.entries, 0) as missing,
             (select min(h.entry_key) from home_entries h where h.owner_id = w.owner_id) as floor
      from unnest(${owners}::text[]) as w(owner_id)
      left join home_sizes s on s.owner_id = w.owner_id
    ) o
    cross join lateral (${homeCandidates(sql.ref('o.owner_id'), sql.ref('o.missing'), limits, sql.ref('o.floor'))}) e
    where o.missing > 0
    on conflict do nothing
    returning owner_id`,
    limits,
  ).execute(trx);
}

/** Removes the entries matching `where` from every home and refills the homes that lost some. */
export async function removeEntries(trx: Db, where: RawBuilder<unknown>, limits: HomeLimits): Promise<void> {
  const lost = await shrink(trx, sql`delete from home_entries where ${where} returning owner_id`);
  await refill(trx, lost, limits);
}

export interface NewEntry {
  key: string;
  tweetId: string;
  actorId: string;
  kind: 'tweet' | 'repost';
}

/**
 * New entries, waiting for the fan-out (`timeline.homes`) in `pending_fanout`, where
 * home reads find them meanwhile. A redelivered entry is already there.
 */
export async function pendFanOut(trx: Db, entries: NewEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await sql`
    insert into pending_fanout (entry_key, tweet_id, actor_id, kind)
    select * from unnest(${entries.map((e) => e.key)}::text[], ${entries.map((e) => e.tweetId)}::text[],
                         ${entries.map((e) => e.actorId)}::text[], ${entries.map((e) => e.kind)}::text[])
    on conflict do nothing`.execute(trx);
}

/**
 * New entries, each into the home of each follower of its actor when the actor is
 * fanned out and it is still here (a tweet deleted or a repost undone since needs none): one
 * statement for them all, then one trim of the homes that grew too long. The entries
 * stop pending in the same transaction, so a reader finds each in one place or the other.
 */
export async function fanOutEntries(trx: Db, entries: NewEntry[], limits: HomeLimits): Promise<void> {
  if (entries.length === 0) return;
  const { rows } = await grow(
    sql`
    insert into home_entries (owner_id, entry_key, tweet_id, actor_id, kind)
    select f.follower_id, e.key, e.tweet_id, e.actor_id, e.kind
    from unnest(${entries.map((e) => e.key)}::text[], ${entries.map((e) => e.tweetId)}::text[],
                ${entries.map((e) => e.actorId)}::text[], ${entries.map((e) => e.kind)}::text[])
         as e(key, tweet_id, actor_id, kind)
    join follows f on f.followee_id = e.actor_id
    where f.follower_id <> e.actor_id and ${isFannedOut(sql.ref('e.actor_id'), limits)}
      and exists (select 1 from tweets t where t.id = e.tweet_id)
      and (e.kind = 'tweet' or exists (select 1 from reposts r where r.repost_id = e.key))
    on conflict do nothing
    returning owner_id`,
    limits,
  ).execute(trx);
  await trim(trx, rows);
  await sql`delete from pending_fanout where entry_key = any(${entries.map((e) => e.key)}::text[])`.execute(trx);
}

/**
 * New follows, each bringing its followee's newest entries into the follower's home
 * (for followees that are fanned out): one statement for them all, then one trim.
 */
export async function backfillFollows(
  trx: Db,
  follows: Array<{ followerId: string; followeeId: string }>,
  limits: HomeLimits,
): Promise<void> {
  if (follows.length === 0) return;
  const { rows } = await grow(
    sql`
    insert into home_entries (owner_id, entry_key, tweet_id, actor_id, kind)
    select f.follower_id, e.entry_key, e.tweet_id, e.actor_id, e.kind
    from unnest(${follows.map((f) => f.followerId)}::text[], ${follows.map((f) => f.followeeId)}::text[])
         as f(follower_id, followee_id)
    cross join lateral (${actorEntries(sql.ref('f.followee_id'), limits.length)}) e
    where f.follower_id <> f.followee_id
    on conflict do nothing
    returning owner_id`,
    limits,
  ).execute(trx);
  await trim(trx, rows);
}

/**
 * `actor`'s newest entries into the homes of `followers` (all of them when undefined): a
 * new follow, or an account that is no longer big. Only the newest `length` can count.
 */
export async function backfill(
  trx: Db,
  actorId: string,
  followerId: string | undefined,
  limits: HomeLimits,
): Promise<void> {
  const which = followerId !== undefined ? sql`and f.follower_id = ${followerId}` : sql``;
  const { rows } = await grow(
    sql`
    insert into home_entries (owner_id, entry_key, tweet_id, actor_id, kind)
    select f.follower_id, e.entry_key, e.tweet_id, e.actor_id, e.kind
    from follows f
    cross join (${actorEntries(actorId, limits.length)}) e
    where f.followee_id = ${actorId} and f.follower_id <> ${actorId} ${which}
    on conflict do nothing
    returning owner_id`,
    limits,
  ).execute(trx);
  await trim(trx, rows);
}
