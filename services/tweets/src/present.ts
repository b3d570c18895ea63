import type { components } from './generated/openapi.js';
import type { TweetView } from './read-models.js';

export type Tweet = components['schemas']['Tweet'];

export const presentTweet = (row: TweetView): Tweet => ({
  id: row.id,
  body: row.body,
  tweetedby: row.author_username,
  author_name: row.author_name,
  author_id: row.author_id,
  timestamp: new Date(row.created_at).toISOString(),
});
