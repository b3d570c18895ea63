import type { components } from './generated/openapi.js';
import { presentAttachment, type AttachmentShown } from './media.js';

export type Tweet = components['schemas']['Tweet'];
export type TweetEntities = components['schemas']['TweetEntities'];
export type RepostedBy = components['schemas']['RepostedBy'];

/**
 * What a read model selects to show a tweet: the tweet's own columns, its author's
 * display name, its counts and, for a reply, whom it replies to; with a viewer, whether
 * they like and repost it (null or absent without one).
 */
export interface TweetShown {
  id: string;
  author_id: string;
  author_username: string;
  author_name: string;
  body: string;
  entities: TweetEntities | null;
  created_at: Date | string;
  like_count: number | string | null;
  repost_count: number | string | null;
  reply_count: number | string | null;
  in_reply_to_id: string | null;
  in_reply_to_author_id: string | null;
  in_reply_to_username?: string | null;
  liked?: boolean | null;
  reposted?: boolean | null;
  /** Its attachments in the author's order (media deleted since left out); absent or null: none. */
  media_attachments?: AttachmentShown[] | null;
}

/**
 * The contract's Tweet, the same from every service. Optional members are left out,
 * never sent as null: `liked`/`reposted` only for a viewer, the reply fields only on a
 * reply. Counts may come from SQL as strings (bigint) or be missing on a fresh row.
 */
export const presentTweet = (row: TweetShown): Tweet => ({
  id: row.id,
  body: row.body,
  tweetedby: row.author_username,
  author_name: row.author_name,
  author_id: row.author_id,
  timestamp: new Date(row.created_at).toISOString(),
  like_count: Number(row.like_count ?? 0),
  repost_count: Number(row.repost_count ?? 0),
  reply_count: Number(row.reply_count ?? 0),
  ...(typeof row.liked === 'boolean' ? { liked: row.liked } : {}),
  ...(typeof row.reposted === 'boolean' ? { reposted: row.reposted } : {}),
  ...(row.in_reply_to_id ? { in_reply_to_id: row.in_reply_to_id } : {}),
  ...(row.in_reply_to_id && row.in_reply_to_author_id ? { in_reply_to_author_id: row.in_reply_to_author_id } : {}),
  ...(row.in_reply_to_id && row.in_reply_to_username ? { in_reply_to_username: row.in_reply_to_username } : {}),
  entities: { hashtags: row.entities?.hashtags ?? [], mentions: row.entities?.mentions ?? [] },
  media_attachments: (row.media_attachments ?? []).map(presentAttachment),
});
