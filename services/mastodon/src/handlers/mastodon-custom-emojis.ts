import type { Handler } from './deps.js';

/** Starling has no custom emojis. */
export const mastodonCustomEmojis: Handler<'mastodonCustomEmojis'> = () => async () => [];
