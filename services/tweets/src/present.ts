import type { components } from './generated/openapi.js';
import type { LikerRow, ReposterRow, TweetView } from './read-models.js';

export type Tweet = components['schemas']['Tweet'];
export type TweetLiker = components['schemas']['TweetLiker'];
export type TweetReposter = components['schemas']['TweetReposter'];

/** Optional members are left out, never sent as null: `liked`/`reposted` only for a viewer, reply fields only on a reply. */
export const presentTweet = (row: TweetView): Tweet => ({
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
});

export const presentLiker = (row: LikerRow): TweetLiker => ({ id: row.id, username: row.username });

export const presentReposter = (row: ReposterRow): TweetReposter => ({ id: row.id, username: row.username });

/**
 * What a tweet's representation shows beyond its stream, which moves without the stream
 * moving: names, counts and the viewer's own like and repost. Its digest joins the ETag.
 */
export const tweetShown = (tweet: Tweet) => [
  tweet.author_name,
  tweet.like_count,
  tweet.repost_count,
  tweet.reply_count,
  tweet.liked ?? null,
  tweet.reposted ?? null,
  tweet.in_reply_to_username ?? null,
];
