import type { Db } from '@starling/kit';
import { sql, type RawBuilder } from 'kysely';
import { actorEntries, type HomeLimits } from '../projections/homes.js';
import { tweetViews, type Tweet } from './tweets.js';

/** One entry of a home timeline: a tweet, or a repost of one (`kind`), sorted by `entry_key`. */
export interface Entry {
  entry_key: string;
  tweet_id: string;
  actor_id: string;
  kind: 'tweet' | 'repost';
  /** For a repost: the reposter's username and display name. */
  actor_username: string | null;
  actor_name: string | null;
}

/** The reposter's names for entries selected as `e` (username from the repost, name from identity). */
const withActor = (entries: RawBuilder<unknown>) => sql`
  select e.entry_key, e.tweet_id, e.actor_id, e.kind,
         coalesce(a.username, r.username) as actor_username, coalesce(a.name, a.username, r.username) as actor_name
  from (${entries}) e
  left join reposts r on e.kind = 'repost' and r.repost_id = e.entry_key
  left join authors a on e.kind = 'repost' and a.id = e.actor_id`;

/**
 * A page of `ownerId`'s home timeline, newest entry first, before `before` (an entry
 * key). Three sources, each read by index and cut to the page size before merging: the
 * fanned-out `home_entries`, the owner's own entries, and the entries of the big accounts
 * they follow (never fanned out). When the stored home is full, the merged sources stop
 * where it stops, so the timeline reaches back as far as its stored entries do.
 */
export async function homeEntries(
  db: Db,
  ownerId: string,
  before: string | undefined,
  limit: number,
  limits: HomeLimits,
): Promise<Entry[]> {
  const below = (column: string) => (before !== undefined ? sql`and ${sql.ref(column)} < ${before}` : sql``);
  const { rows } = await sql<Entry>`
    with floor as (
      select coalesce((select entry_key from home_entries where owner_id = ${ownerId}
                       order by entry_key desc offset ${limits.length - 1} limit 1), '') as key
    ),
    merged as (
      select ${ownerId}::text as actor_id
      union
      select f.followee_id from follows f join follower_counts c on c.user_id = f.followee_id
      where f.follower_id = ${ownerId} and c.followers > ${limits.maxFollowers}
    ),
    entries as (
      (select entry_key, tweet_id, actor_id, kind from home_entries
       where owner_id = ${ownerId} ${below('entry_key')}
       order by entry_key desc limit ${limit})
      union all
      select x.* from merged m cross join floor
      cross join lateral (${actorEntries(sql.ref('m.actor_id'), limit, before !== undefined ? sql`${before}::text` : undefined)}) x
      where x.entry_key >= floor.key
    )
    ${withActor(sql`select * from entries order by entry_key desc limit ${limit}`)}
    order by e.entry_key desc`.execute(db);
  return rows;
}

/** An entry as a Tweet: a repost carries `reposted_by`. Undefined when its tweet is gone. */
export function presentEntry(tweets: Map<string, Tweet>, e: Entry): Tweet | undefined {
  const tweet = tweets.get(e.tweet_id);
  if (!tweet) return undefined;
  if (e.kind === 'tweet') return tweet;
  if (e.actor_username === null) return undefined;
  return { ...tweet, reposted_by: { id: e.actor_id, username: e.actor_username, name: e.actor_name! } };
}

/** The tweets of these entries by id, in one query. */
export async function entryTweets(db: Db, entries: Entry[], viewerId?: string): Promise<Map<string, Tweet>> {
  const tweets = await tweetViews(db, [...new Set(entries.map((e) => e.tweet_id))], viewerId);
  return new Map(tweets.map((t) => [t.id, t]));
}

/** Shows entries as Tweets, in their order; entries whose tweet is gone (deleted meanwhile) are skipped. */
export async function presentEntries(db: Db, entries: Entry[], viewerId?: string): Promise<Tweet[]> {
  const tweets = await entryTweets(db, entries, viewerId);
  return entries.flatMap((e) => presentEntry(tweets, e) ?? []);
}

/** Every tweet, replies included, newest first, before the tweet id `before`. */
export async function publicTweetIds(db: Db, before: string | undefined, limit: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id from tweets where true ${before !== undefined ? sql`and id < ${before}` : sql``}
    order by id desc limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/** Tweets carrying the hashtag whose `tagKey` is `key`, newest first, before the tweet id `before`. */
export async function tagTweetIds(db: Db, key: string, before: string | undefined, limit: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select tweet_id as id from tweet_tags
    where tag_key = ${key} ${before !== undefined ? sql`and tweet_id < ${before}` : sql``}
    order by tweet_id desc limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
}
