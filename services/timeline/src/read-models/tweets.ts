import { withAttachments } from '@starling/attachments';
import { presentTweet } from '@starling/contracts';
import type { Db } from '@starling/kit';
import type { TweetEntities } from '@starling/events';
import { sql, type RawBuilder } from 'kysely';
import type { components } from '../generated/openapi.js';

export type Tweet = components['schemas']['Tweet'];
export type RepostedBy = components['schemas']['RepostedBy'];

/** A row of the timeline's `tweets` with what is joined to show it. */
export interface TweetViewRow {
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
  media_ids: string[] | null;
}

/**
 * What shows a tweet: the columns of `tweets t` and of the rows `joins` brings in (the
 * author's display name, the replied-to username), and with a viewer whether they like
 * (`liked`) and repost (`reposted`) it. An author not (yet) known from identity's events
 * shows under their username. Timelines select these over their page of `t`, so a page
 * is one query.
 */
export function tweetView(viewerId?: string) {
  const viewer =
    viewerId !== undefined
      ? sql`exists (select 1 from likes l where l.tweet_id = t.id and l.user_id = ${viewerId}) as liked,
            exists (select 1 from reposts r where r.tweet_id = t.id and r.user_id = ${viewerId}) as reposted`
      : sql`null::boolean as liked, null::boolean as reposted`;
  return {
    columns: sql`t.id, t.author_id, t.author_username, t.body, t.entities, t.in_reply_to_id,
      t.in_reply_to_author_id, t.created_at, t.like_count, t.repost_count, t.reply_count,
      coalesce(a.name, t.author_username) as author_name, p.username as in_reply_to_username, t.media_ids, ${viewer}`,
    joins: sql`left join authors a on a.id = t.author_id
      left join authors p on p.id = t.in_reply_to_author_id`,
  };
}

/**
 * The tweets with these ids as the API shows them, in the order of `ids`; ids of tweets
 * that do not exist (or no longer) are skipped. One query for the whole page.
 */
export async function tweetViews(db: Db, ids: string[], viewerId?: string): Promise<Tweet[]> {
  if (ids.length === 0) return [];
  const view = tweetView(viewerId);
  const { rows } = await sql<TweetViewRow>`
    select ${view.columns}
    from (select distinct id from unnest(${ids}::text[]) as wanted(id)) w
    join tweets t on t.id = w.id
    ${view.joins}`.execute(db);
  const byId = new Map((await withAttachments(db, rows)).map((row) => [row.id, presentTweet(row)]));
  return ids.flatMap((id) => {
    const tweet = byId.get(id);
    return tweet ? [tweet] : [];
  });
}

/**
 * The tweets whose ids `ids` selects (as `id`: a page of an index, newest first), shown
 * newest first, in one query.
 */
export async function tweetsNewestFirst(db: Db, ids: RawBuilder<unknown>, viewerId?: string): Promise<Tweet[]> {
  const view = tweetView(viewerId);
  const { rows } = await sql<TweetViewRow>`
    select ${view.columns}
    from (${ids}) w
    join tweets t on t.id = w.id
    ${view.joins}
    order by t.id desc`.execute(db);
  return (await withAttachments(db, rows)).map(presentTweet);
}
