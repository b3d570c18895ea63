import { presentTweet } from '@starling/contracts';
import type { Db } from '@starling/kit';
import { sql, type RawBuilder } from 'kysely';
import { actorEntries, type HomeLimits } from '../projections/homes.js';
import { withAttachments } from '@starling/attachments';
import { tweetView, tweetViews, type Tweet, type TweetViewRow } from './tweets.js';

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

/**
 * The reposter's names for entries selected as `e` (username from the repost, name from
 * identity), looked up by key for the page's reposts only.
 */
const withActor = (entries: RawBuilder<unknown>) => sql`
  select e.entry_key, e.tweet_id, e.actor_id, e.kind, n.actor_username, n.actor_name
  from (${entries}) e
  left join lateral (
    select coalesce(a.username, r.username) as actor_username, coalesce(a.name, a.username, r.username) as actor_name
    from (select) as one
    left join authors a on a.id = e.actor_id
    left join reposts r on r.repost_id = e.entry_key
  ) n on e.kind = 'repost'`;

/**
 * The entries of a page of `ownerId`'s home timeline, newest first, before `before` (an
 * entry key). Four sources, each read by index and cut to the page size before merging:
 * the fanned-out `home_entries`; the entries pending their fan-out (of the accounts the
 * owner follows, and not in this home already by a follow's backfill); the owner's own
 * entries; and the entries of the big accounts they follow (never fanned out).
 *
 * The page is what the home will be once the pending entries are in it: when the stored
 * home and the pending entries newer than its oldest make `length` or more, the oldest
 * stored entries that the fan-out will trim are left out, and the other sources stop
 * where the stored home will then stop (its floor), so the timeline reaches back as far
 * as its stored entries do.
 */
export function homeEntries(
  ownerId: string,
  before: string | undefined,
  limit: number,
  limits: HomeLimits,
): RawBuilder<Entry> {
  const below = (column: string) => (before !== undefined ? sql`and ${sql.ref(column)} < ${before}` : sql``);
  return sql<Entry>`
    with merged as (
      select ${ownerId}::text as actor_id
      union
      select c.user_id from follower_counts c
      where c.followers > ${limits.maxFollowers}
        and exists (select 1 from follows f where f.follower_id = ${ownerId} and f.followee_id = c.user_id)
    ),
    pending as (
      select p.entry_key, p.tweet_id, p.actor_id, p.kind
      from follows f join pending_fanout p on p.actor_id = f.followee_id
      where f.follower_id = ${ownerId} and p.actor_id not in (select actor_id from merged)
        and not exists (select 1 from home_entries h where h.owner_id = ${ownerId} and h.entry_key = p.entry_key)
    ),
    stored as (
      select coalesce((select entries from home_sizes where owner_id = ${ownerId}), 0) as size,
             (select min(entry_key) from home_entries where owner_id = ${ownerId}) as oldest
    ),
    excess as (
      select stored.size + (select count(*) from pending p where p.entry_key > coalesce(stored.oldest, ''))
             - ${limits.length} as n
      from stored
    ),
    floor as (
      select case when excess.n < 0 then ''
                  else coalesce((select entry_key from home_entries where owner_id = ${ownerId}
                                 order by entry_key offset excess.n limit 1), '') end as key
      from excess
    ),
    entries as (
      (select h.entry_key, h.tweet_id, h.actor_id, h.kind from home_entries h cross join floor
       where h.owner_id = ${ownerId} and h.entry_key >= floor.key ${below('h.entry_key')}
       order by h.entry_key desc limit ${limit})
      union all
      (select p.* from pending p cross join floor
       where p.entry_key >= floor.key ${below('p.entry_key')}
       order by p.entry_key desc limit ${limit})
      union all
      select x.* from merged m cross join floor
      cross join lateral (${actorEntries(sql.ref('m.actor_id'), limit, before !== undefined ? sql`${before}::text` : undefined)}) x
      where x.entry_key >= floor.key
    )
    ${withActor(sql`select * from entries order by entry_key desc limit ${limit}`)}`;
}

/**
 * A page of `ownerId`'s home timeline (see homeEntries) with each entry's tweet as
 * `viewerId` sees it, in one query; `tweet` is missing when it is gone (deleted meanwhile).
 */
export async function homePage(
  db: Db,
  ownerId: string,
  before: string | undefined,
  limit: number,
  limits: HomeLimits,
): Promise<Array<{ entry: Entry; tweet?: Tweet }>> {
  const view = tweetView(ownerId);
  const { rows } = await sql<Entry & TweetViewRow>`
    select e.entry_key, e.tweet_id, e.actor_id, e.kind, e.actor_username, e.actor_name, ${view.columns}
    from (${homeEntries(ownerId, before, limit, limits)}) e
    left join tweets t on t.id = e.tweet_id
    ${view.joins}
    order by e.entry_key desc`.execute(db);
  return (await withAttachments(db, rows)).map((row) => {
    const entry: Entry = {
      entry_key: row.entry_key,
      tweet_id: row.tweet_id,
      actor_id: row.actor_id,
      kind: row.kind,
      actor_username: row.actor_username,
      actor_name: row.actor_name,
    };
    const tweet = row.id === null ? undefined : presentEntry(presentTweet(row), entry);
    return tweet ? { entry, tweet } : { entry };
  });
}

/** An entry as a Tweet (its `tweet`): a repost carries `reposted_by`. Undefined when its tweet is gone. */
export function presentEntry(tweet: Tweet | undefined, e: Entry): Tweet | undefined {
  if (!tweet) return undefined;
  if (e.kind === 'tweet') return tweet;
  if (e.actor_username === null) return undefined;
  return {
    ...tweet,
    reposted_by: { id: e.actor_id, username: e.actor_username, name: e.actor_name!, repost_id: e.entry_key },
  };
}

/** The tweets of these entries by id, in one query. */
export async function entryTweets(db: Db, entries: Entry[], viewerId?: string): Promise<Map<string, Tweet>> {
  const tweets = await tweetViews(db, [...new Set(entries.map((e) => e.tweet_id))], viewerId);
  return new Map(tweets.map((t) => [t.id, t]));
}

/** Every tweet, replies included, newest first, before the tweet id `before`: ids for `tweetsNewestFirst`. */
export const publicTweetIds = (before: string | undefined, limit: number) => sql`
  select id from tweets where true ${before !== undefined ? sql`and id < ${before}` : sql``}
  order by id desc limit ${limit}`;

/** Tweets carrying the hashtag whose `tagKey` is `key`, newest first, before the tweet id `before`. */
export const tagTweetIds = (key: string, before: string | undefined, limit: number) => sql`
  select tweet_id as id from tweet_tags
  where tag_key = ${key} ${before !== undefined ? sql`and tweet_id < ${before}` : sql``}
  order by tweet_id desc limit ${limit}`;
