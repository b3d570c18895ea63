import type { components } from './generated/openapi.js';
import type { LikerRow, TweetView } from './read-models.js';

export type Tweet = components['schemas']['Tweet'];
export type TweetLiker = components['schemas']['TweetLiker'];

export const presentTweet = (row: TweetView): Tweet => ({
  id: row.id,
  body: row.body,
  tweetedby: row.author_username,
  author_name: row.author_name,
  author_id: row.author_id,
  timestamp: new Date(row.created_at).toISOString(),
  like_count: Number(row.like_count ?? 0),
  ...(typeof row.liked === 'boolean' ? { liked: row.liked } : {}),
});

export const presentLiker = (row: LikerRow): TweetLiker => ({ id: row.id, username: row.username });
