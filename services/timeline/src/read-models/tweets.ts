import type { Db } from '@starling/kit';
import type { TweetEntities } from '@starling/events';
import { sql } from 'kysely';
import type { components } from '../generated/openapi.js';

export type Tweet = components['schemas']['Tweet'];
export type RepostedBy = components['schemas']['RepostedBy'];

/** A row of the timeline's `tweets` with what is joined to show it. */
interface TweetViewRow {
  id: string;
  author_id: string;
  author_username: string;
  author_name: string;
  body: string;
  entities: TweetEntities;
  in_reply_to_id: string | null;
  in_reply_to_author_id: string | null;
  in_reply_to_username: string | null;
  created_at: Date;
  like_count: number;
  repost_count: number;
  reply_count: number;
  liked: boolean | null;
  reposted: boolean | null;
}

/** The contract's Tweet: optional fields only when they apply (no nulls). */
function presentTweet(row: TweetViewRow): Tweet {
  return {
    id: row.id,
    body: row.body,
    tweetedby: row.author_username,
    author_name: row.author_name,
    author_id: row.author_id,
    timestamp: new Date(row.created_at).toISOString(),
    like_count: Number(row.like_count),
    repost_count: Number(row.repost_count),
    reply_count: Number(row.reply_count),
    ...(typeof row.liked === 'boolean' ? { liked: row.liked } : {}),
    ...(typeof row.reposted === 'boolean' ? { reposted: row.reposted } : {}),
    ...(row.in_reply_to_id !== null ? { in_reply_to_id: row.in_reply_to_id } : {}),
    ...(row.in_reply_to_author_id !== null ? { in_reply_to_author_id: row.in_reply_to_author_id } : {}),
    ...(row.in_reply_to_username !== null ? { in_reply_to_username: row.in_reply_to_username } : {}),
    entities: row.entities,
  };
}

/**
 * The tweets with these ids as the API shows them, in the order of `ids`; ids of tweets
 * that do not exist (or no longer) are skipped. One query for the whole page. With a
 * viewer, each says whether they like (`liked`) and repost (`reposted`) it. An author not
 * (yet) known from identity's events shows under their username.
 */
export async function tweetViews(db: Db, ids: string[], viewerId?: string): Promise<Tweet[]> {
  if (ids.length === 0) return [];
  const viewer =
    viewerId !== undefined
      ? sql`exists (select 1 from likes l where l.tweet_id = t.id and l.user_id = ${viewerId}) as liked,
            exists (select 1 from reposts r where r.tweet_id = t.id and r.user_id = ${viewerId}) as reposted`
      : sql`null::boolean as liked, null::boolean as reposted`;
  const { rows } = await sql<TweetViewRow>`
    select t.*, coalesce(a.name, t.author_username) as author_name, p.username as in_reply_to_username, ${viewer}
    from (select distinct id from unnest(${ids}::text[]) as wanted(id)) w
    join tweets t on t.id = w.id
    left join authors a on a.id = t.author_id
    left join authors p on p.id = t.in_reply_to_author_id`.execute(db);
  const byId = new Map(rows.map((row) => [row.id, presentTweet(row)]));
  return ids.flatMap((id) => {
    const tweet = byId.get(id);
    return tweet ? [tweet] : [];
  });
}
