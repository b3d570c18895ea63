import { withAttachments } from '@starling/attachments';
import { keysetPages } from '@starling/kit';
import type { LikesTable, RepostsTable, TweetsDb } from './tables.js';

/** A tweet as `starling export` writes it out. */
export interface TweetForExport {
  id: string;
  author_id: string;
  body: string;
  created_at: Date;
  in_reply_to_id: string | null;
  in_reply_to_author_id: string | null;
  /** The attached media that is ready, in order: where its file is served, and its description. */
  media: Array<{ url: string; description: string | null }>;
}

/**
 * Every live tweet, oldest first (ids sort by time), a page at a time: what `starling
 * export` writes out. Media is named by URL: the files stay in object storage.
 */
export function tweetsForExport(db: TweetsDb, pageSize = 1_000): AsyncGenerator<TweetForExport[]> {
  return keysetPages(async (after: TweetForExport | undefined) => {
    let query = db
      .selectFrom('tweets')
      .select(['id', 'author_id', 'body', 'created_at', 'in_reply_to_id', 'in_reply_to_author_id', 'media_ids'])
      .orderBy('id')
      .limit(pageSize);
    if (after) query = query.where('id', '>', after.id);
    const rows = await withAttachments(db, await query.execute());
    return rows.map(({ media_ids: _ids, media_attachments, ...tweet }) => ({
      ...tweet,
      media: media_attachments.flatMap((a) =>
        a.state === 'ready' && a.url ? [{ url: a.url, description: a.description }] : [],
      ),
    }));
  });
}

/** Every like of a live tweet, a page at a time (by tweet, then liker). */
export function likesForExport(db: TweetsDb, pageSize = 5_000): AsyncGenerator<LikesTable[]> {
  return keysetPages((after: LikesTable | undefined) => {
    let query = db
      .selectFrom('likes')
      .select(['tweet_id', 'user_id', 'username', 'liked_at'])
      .orderBy('tweet_id')
      .orderBy('user_id')
      .limit(pageSize);
    if (after) {
      query = query.where((eb) => eb(eb.refTuple('tweet_id', 'user_id'), '>', eb.tuple(after.tweet_id, after.user_id)));
    }
    return query.execute();
  });
}

/** Every repost of a live tweet, a page at a time (by tweet, then reposter). */
export function repostsForExport(db: TweetsDb, pageSize = 5_000): AsyncGenerator<RepostsTable[]> {
  return keysetPages((after: RepostsTable | undefined) => {
    let query = db
      .selectFrom('reposts')
      .select(['tweet_id', 'user_id', 'username', 'repost_id', 'reposted_at'])
      .orderBy('tweet_id')
      .orderBy('user_id')
      .limit(pageSize);
    if (after) {
      query = query.where((eb) => eb(eb.refTuple('tweet_id', 'user_id'), '>', eb.tuple(after.tweet_id, after.user_id)));
    }
    return query.execute();
  });
}
