import type { Tweet } from '@starling/contracts';
import type { components } from './generated/openapi.js';
import type { LikerRow, ReposterRow } from './read-models.js';

// A tweet is presented as the timeline service presents it, by the shared presenter.
export { presentTweet, type Tweet } from '@starling/contracts';

export type TweetLiker = components['schemas']['TweetLiker'];
export type TweetReposter = components['schemas']['TweetReposter'];

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
  tweet.media_attachments.map((m) => [m.id, m.state, m.description]),
];
