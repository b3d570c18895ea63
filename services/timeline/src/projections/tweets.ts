import type { Projection } from '@starling/kit';
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
} from '@starling/events';
import { sql } from 'kysely';
import { fanOutEntry, lockHomes, removeEntries, type HomeLimits } from './homes.js';
import { bufferArrival } from './stream-buffer.js';

/**
 * The timeline's own copy of the tweets it shows, from the tweets service's events:
 * `tweets` (with live like, repost and direct-reply counts), `likes` and `reposts` (for
 * `liked`/`reposted`), `tweet_tags`, and the tweets' side of `home_entries` (see
 * homes.ts). Posting twice inserts once; a count moves only when a row was actually
 * inserted or deleted, so a redelivered event never counts twice; a like or repost of a
 * tweet not (or no longer) here is not applied. A deletion takes the tweet's likes,
 * reposts, tags and home entries with it; replies to it keep their `in_reply_to_id`.
 */
export function tweetsProjection(limits: HomeLimits): Projection {
  return {
    name: 'timeline.tweets',
    source: 'tweets',
    tables: ['tweets', 'likes', 'reposts', 'tweet_tags', 'home_entries', 'home_sizes'],
    types: [
      TweetPosted.type,
      TweetDeleted.type,
      TweetLiked.type,
      TweetUnliked.type,
      TweetReposted.type,
      TweetUnreposted.type,
    ],
    async handle(event, trx) {
      switch (event.type) {
        case TweetPosted.type: {
          const d = event.data as PayloadOf<typeof TweetPosted>;
          // A version 1 event has no entities: they are parsed from its body.
          const entities = d.entities ?? parseEntities(d.body);
          await lockHomes(trx);
          const { rows } = await sql`
            insert into tweets (id, author_id, author_username, body, entities, in_reply_to_id,
                                in_reply_to_author_id, created_at)
            values (${d.tweet_id}, ${d.author_id}, ${d.author_username}, ${d.body}, ${JSON.stringify(entities)}::jsonb,
                    ${d.in_reply_to_id ?? null}, ${d.in_reply_to_author_id ?? null}, ${event.recordedAt})
            on conflict (id) do nothing
            returning id`.execute(trx);
          if (rows.length === 0) return;
          if (d.in_reply_to_id !== undefined) {
            await sql`update tweets set reply_count = reply_count + 1 where id = ${d.in_reply_to_id}`.execute(trx);
          }
          const keys = [...new Set(entities.hashtags.map((h) => tagKey(h.tag)))];
          if (keys.length > 0) {
            await sql`insert into tweet_tags (tag_key, tweet_id)
                      select k, ${d.tweet_id} from unnest(${keys}::text[]) as k
                      on conflict do nothing`.execute(trx);
          }
          const entry = { key: d.tweet_id, tweetId: d.tweet_id, actorId: d.author_id, kind: 'tweet' as const };
          await fanOutEntry(trx, entry, limits);
          await bufferArrival(trx, event, { ...entry, entryKey: entry.key, actorIds: [d.author_id] });
          return;
        }
        case TweetDeleted.type: {
          const d = event.data as PayloadOf<typeof TweetDeleted>;
          await lockHomes(trx);
          const { rows } = await sql<{ in_reply_to_id: string | null }>`
            delete from tweets where id = ${d.tweet_id} returning in_reply_to_id`.execute(trx);
          if (rows[0]?.in_reply_to_id) {
            await sql`update tweets set reply_count = reply_count - 1 where id = ${rows[0].in_reply_to_id}`.execute(
              trx,
            );
          }
          await sql`delete from likes where tweet_id = ${d.tweet_id}`.execute(trx);
          await sql`delete from tweet_tags where tweet_id = ${d.tweet_id}`.execute(trx);
          const reposters = await sql<{ user_id: string }>`
            delete from reposts where tweet_id = ${d.tweet_id} returning user_id`.execute(trx);
          await removeEntries(trx, sql`tweet_id = ${d.tweet_id}`, limits);
          if (rows.length > 0) {
            await bufferArrival(trx, event, {
              kind: 'delete',
              tweetId: d.tweet_id,
              entryKey: d.tweet_id,
              actorIds: [d.author_id, ...reposters.rows.map((r) => r.user_id)],
            });
          }
          return;
        }
        case TweetLiked.type: {
          const d = event.data as PayloadOf<typeof TweetLiked>;
          const { rows } = await sql`
            insert into likes (tweet_id, user_id)
            select ${d.tweet_id}, ${d.user_id} where exists (select 1 from tweets where id = ${d.tweet_id})
            on conflict do nothing
            returning tweet_id`.execute(trx);
          if (rows.length > 0) {
            await sql`update tweets set like_count = like_count + 1 where id = ${d.tweet_id}`.execute(trx);
          }
          return;
        }
        case TweetUnliked.type: {
          const d = event.data as PayloadOf<typeof TweetUnliked>;
          const { rows } = await sql`
            delete from likes where tweet_id = ${d.tweet_id} and user_id = ${d.user_id} returning tweet_id`.execute(
            trx,
          );
          if (rows.length > 0) {
            await sql`update tweets set like_count = like_count - 1 where id = ${d.tweet_id}`.execute(trx);
          }
          return;
        }
        case TweetReposted.type: {
          const d = event.data as PayloadOf<typeof TweetReposted>;
          await lockHomes(trx);
          const { rows } = await sql`
            insert into reposts (tweet_id, user_id, username, repost_id)
            select ${d.tweet_id}, ${d.user_id}, ${d.username}, ${d.repost_id}
            where exists (select 1 from tweets where id = ${d.tweet_id})
            on conflict do nothing
            returning tweet_id`.execute(trx);
          if (rows.length === 0) return;
          await sql`update tweets set repost_count = repost_count + 1 where id = ${d.tweet_id}`.execute(trx);
          const entry = { key: d.repost_id, tweetId: d.tweet_id, actorId: d.user_id, kind: 'repost' as const };
          await fanOutEntry(trx, entry, limits);
          await bufferArrival(trx, event, { ...entry, entryKey: entry.key, actorIds: [d.user_id] });
          return;
        }
        case TweetUnreposted.type: {
          const d = event.data as PayloadOf<typeof TweetUnreposted>;
          await lockHomes(trx);
          const { rows } = await sql<{ repost_id: string }>`
            delete from reposts where tweet_id = ${d.tweet_id} and user_id = ${d.user_id}
            returning repost_id`.execute(trx);
          if (rows.length === 0) return;
          await sql`update tweets set repost_count = repost_count - 1 where id = ${d.tweet_id}`.execute(trx);
          await removeEntries(trx, sql`tweet_id = ${d.tweet_id} and entry_key = ${rows[0]!.repost_id}`, limits);
          return;
        }
      }
    },
  };
}
