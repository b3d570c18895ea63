import { batchingRuns, type Db, type Projection, type RecordedEvent } from '@starling/kit';
import {
  parseEntities,
  tagKey,
  TweetDeleted,
  TweetLiked,
  TweetPosted,
  TweetReposted,
  TweetUnliked,
  TweetUnreposted,
  type PayloadOf,
  payloadOf,
} from '@starling/events';
import { sql } from 'kysely';
import type { HomeWrites } from './home-writes.js';
import { lockHomes, type NewEntry } from './homes.js';
import { bufferArrival, bufferArrivals } from './stream-buffer.js';
import type { LikesTable, RepostsTable, TimelineDb, TweetsTable } from '../tables.js';

/**
 * The timeline's own copy of the tweets it shows, from the tweets service's events:
 * `tweets` (with live like, repost and direct-reply counts), `likes` and `reposts` (for
 * `liked`/`reposted`), `tweet_tags`, and the tweets' side of the home timelines
 * (homes.ts) but for the fan-out itself: new entries wait in `pending_fanout` until the
 * fan-out (homes-projection.ts, which a post does not wait for) has written them into
 * the followers' homes, and deletions and undone reposts leave the homes here. Posting twice inserts once; a count moves only when a row was actually
 * inserted or deleted, so a redelivered event never counts twice; a like or repost of a
 * tweet not (or no longer) here is not applied. A deletion takes the tweet's likes,
 * reposts, tags, pending and home entries with it; replies to it keep their `in_reply_to_id`.
 */
export function tweetsProjection(homes: HomeWrites): Projection {
  return {
    name: 'timeline.tweets',
    source: 'tweets',
    tables: ['tweets', 'likes', 'reposts', 'tweet_tags', 'pending_fanout', 'home_entries', 'home_sizes'],
    deferrable: homes.deferrable,
    types: [
      TweetPosted.type,
      TweetDeleted.type,
      TweetLiked.type,
      TweetUnliked.type,
      TweetReposted.type,
      TweetUnreposted.type,
    ],
    // Runs of posts, likes and reposts (nearly all of a busy log) go set-based: one
    // fan-out and one trim per run rather than per post; the rest one by one.
    handleBatch: batchingRuns(ADDITIONS, (run, trx) => add(trx, run, homes)),
    async handle(event, trx) {
      const db: TimelineDb = trx;
      switch (event.type) {
        case TweetPosted.type:
        case TweetLiked.type:
        case TweetReposted.type:
          return add(trx, [event], homes);
        case TweetDeleted.type: {
          const d = payloadOf(TweetDeleted, event);
          await lockHomes(trx);
          const rows = await db.deleteFrom('tweets').where('id', '=', d.tweet_id).returning('in_reply_to_id').execute();
          const parent = rows[0]?.in_reply_to_id;
          if (parent) await uncount(db, parent, 'reply_count');
          await db.deleteFrom('likes').where('tweet_id', '=', d.tweet_id).execute();
          await db.deleteFrom('tweet_tags').where('tweet_id', '=', d.tweet_id).execute();
          const reposters = await db
            .deleteFrom('reposts')
            .where('tweet_id', '=', d.tweet_id)
            .returning('user_id')
            .execute();
          await db.deleteFrom('pending_fanout').where('tweet_id', '=', d.tweet_id).execute();
          await homes.remove(trx, sql`tweet_id = ${d.tweet_id}`);
          if (rows.length > 0) {
            await bufferArrival(trx, event, {
              kind: 'delete',
              tweetId: d.tweet_id,
              entryKey: d.tweet_id,
              actorIds: [d.author_id, ...reposters.map((r) => r.user_id)],
            });
          }
          return;
        }
        case TweetUnliked.type: {
          const d = payloadOf(TweetUnliked, event);
          const rows = await db
            .deleteFrom('likes')
            .where('tweet_id', '=', d.tweet_id)
            .where('user_id', '=', d.user_id)
            .returning('tweet_id')
            .execute();
          if (rows.length > 0) await uncount(db, d.tweet_id, 'like_count');
          return;
        }
        case TweetUnreposted.type: {
          const d = payloadOf(TweetUnreposted, event);
          await lockHomes(trx);
          const rows = await db
            .deleteFrom('reposts')
            .where('tweet_id', '=', d.tweet_id)
            .where('user_id', '=', d.user_id)
            .returning('repost_id')
            .execute();
          if (rows.length === 0) return;
          await uncount(db, d.tweet_id, 'repost_count');
          await db.deleteFrom('pending_fanout').where('entry_key', '=', rows[0]!.repost_id).execute();
          await homes.remove(trx, sql`tweet_id = ${d.tweet_id} and entry_key = ${rows[0]!.repost_id}`);
          return;
        }
      }
    },
  };
}

/** The events `add` applies together. */
const ADDITIONS = [TweetPosted.type, TweetLiked.type, TweetReposted.type];

/**
 * Posts, likes and reposts, in that order, whatever their order in the run: a like or a
 * repost names a tweet posted before it in the log, so it finds it either way, and none
 * of them undoes another. Then the new tweets and reposts pend for the fan-out, and go
 * to the stream buffer in log order.
 */
async function add(trx: Db, events: RecordedEvent[], homes: HomeWrites): Promise<void> {
  const ofType = (type: string) => events.filter((e) => e.type === type);
  const posts = await post(trx, ofType(TweetPosted.type));
  await like(trx, ofType(TweetLiked.type));
  const reposts = await repost(trx, ofType(TweetReposted.type));
  const arrivals = [...posts, ...reposts].sort((a, b) => events.indexOf(a.event) - events.indexOf(b.event));
  await homes.pend(
    trx,
    arrivals.map((a) => a.entry),
  );
  await bufferArrivals(
    trx,
    arrivals.map(({ event, entry }) => ({
      event,
      arrival: { kind: entry.kind, tweetId: entry.tweetId, entryKey: entry.key, actorIds: [entry.actorId] },
    })),
  );
}

interface Arrived {
  event: RecordedEvent;
  entry: NewEntry;
}

/**
 * New tweets: the rows (a tweet already here is left alone, and is not fanned out
 * again), the parents' reply counts and the hashtags. Returns the new ones' entries.
 */
async function post(trx: Db, events: RecordedEvent[]): Promise<Arrived[]> {
  if (events.length === 0) return [];
  const posts = events.map((event) => {
    const d = payloadOf(TweetPosted, event);
    // A version 1 event has no entities: they are parsed from its body.
    return { event, d, entities: d.entities ?? parseEntities(d.body) };
  });
  const rows = posts.map(({ event, d, entities }) => ({
    id: d.tweet_id,
    author_id: d.author_id,
    author_username: d.author_username,
    body: d.body,
    entities,
    in_reply_to_id: d.in_reply_to_id ?? null,
    in_reply_to_author_id: d.in_reply_to_author_id ?? null,
    media_ids: d.media_ids?.length ? d.media_ids : null,
    created_at: event.recordedAt,
  }));
  const inserted = await sql<Pick<TweetsTable, 'id'>>`
    insert into tweets (id, author_id, author_username, body, entities, in_reply_to_id, in_reply_to_author_id,
                        media_ids, created_at)
    select x.id, x.author_id, x.author_username, x.body, x.entities, x.in_reply_to_id, x.in_reply_to_author_id,
           x.media_ids, x.created_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(
      id text, author_id text, author_username text, body text, entities jsonb,
      in_reply_to_id text, in_reply_to_author_id text, media_ids text[], created_at timestamptz)
    on conflict (id) do nothing
    returning id`.execute(trx);
  const isNew = new Set(inserted.rows.map((r) => r.id));
  const fresh = posts.filter((p) => isNew.has(p.d.tweet_id));
  await addCounts(
    trx,
    'reply_count',
    fresh.flatMap((p) => p.d.in_reply_to_id ?? []),
  );
  const tags = fresh.flatMap((p) =>
    [...new Set(p.entities.hashtags.map((h) => tagKey(h.tag)))].map((key) => ({ key, id: p.d.tweet_id })),
  );
  if (tags.length > 0) {
    await sql`
      insert into tweet_tags (tag_key, tweet_id)
      select * from unnest(${tags.map((t) => t.key)}::text[], ${tags.map((t) => t.id)}::text[])
      on conflict do nothing`.execute(trx);
  }
  return fresh.map(({ event, d }) => ({
    event,
    entry: { key: d.tweet_id, tweetId: d.tweet_id, actorId: d.author_id, kind: 'tweet' },
  }));
}

/** Likes: a like of a tweet not (or no longer) here, or one already counted, changes nothing. */
async function like(trx: Db, events: RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const likes = events.map((e) => payloadOf(TweetLiked, e));
  const { rows } = await sql<Pick<LikesTable, 'tweet_id'>>`
    insert into likes (tweet_id, user_id)
    select l.tweet_id, l.user_id
    from unnest(${likes.map((l) => l.tweet_id)}::text[], ${likes.map((l) => l.user_id)}::text[]) as l(tweet_id, user_id)
    where exists (select 1 from tweets t where t.id = l.tweet_id)
    on conflict do nothing
    returning tweet_id`.execute(trx);
  await addCounts(
    trx,
    'like_count',
    rows.map((r) => r.tweet_id),
  );
}

/** Reposts, as likes; returns the new ones' entries. */
async function repost(trx: Db, events: RecordedEvent[]): Promise<Arrived[]> {
  if (events.length === 0) return [];
  const reposts = events.map((e) => payloadOf(TweetReposted, e));
  const column = (pick: (d: PayloadOf<typeof TweetReposted>) => string) => reposts.map(pick);
  const { rows } = await sql<Pick<RepostsTable, 'repost_id'>>`
    insert into reposts (tweet_id, user_id, username, repost_id)
    select r.tweet_id, r.user_id, r.username, r.repost_id
    from unnest(${column((d) => d.tweet_id)}::text[], ${column((d) => d.user_id)}::text[],
                ${column((d) => d.username)}::text[], ${column((d) => d.repost_id)}::text[])
         as r(tweet_id, user_id, username, repost_id)
    where exists (select 1 from tweets t where t.id = r.tweet_id)
    on conflict do nothing
    returning repost_id`.execute(trx);
  const isNew = new Set(rows.map((r) => r.repost_id));
  const fresh = events.filter((e) => isNew.has(payloadOf(TweetReposted, e).repost_id));
  await addCounts(
    trx,
    'repost_count',
    fresh.map((e) => payloadOf(TweetReposted, e).tweet_id),
  );
  return fresh.map((event) => {
    const d = payloadOf(TweetReposted, event);
    return { event, entry: { key: d.repost_id, tweetId: d.tweet_id, actorId: d.user_id, kind: 'repost' } };
  });
}

/** Adds one to `column` of each tweet per time its id is in `ids`. */
async function addCounts(trx: Db, column: 'reply_count' | 'like_count' | 'repost_count', ids: string[]) {
  if (ids.length === 0) return;
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  await sql`
    update tweets t set ${sql.ref(column)} = ${sql.ref(`t.${column}`)} + c.n
    from unnest(${[...counts.keys()]}::text[], ${[...counts.values()]}::int[]) as c(id, n)
    where t.id = c.id`.execute(trx);
}

/** One like, repost or reply fewer on a tweet. */
async function uncount(db: TimelineDb, id: string, count: 'like_count' | 'repost_count' | 'reply_count') {
  await db
    .updateTable('tweets')
    .set((eb) => ({ [count]: eb(count, '-', 1) }))
    .where('id', '=', id)
    .execute();
}
