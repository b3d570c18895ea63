import type { Handler } from './deps.js';
import { serveMastodonStream } from './event-stream.js';

/** New posts with the hashtag `tag`, live. */
export const mastodonStreamHashtag: Handler<'mastodonStreamHashtag'> = (ctx, deps) => (request, reply) =>
  serveMastodonStream(ctx, deps, request, reply, 'hashtag', request.query.tag.replace(/^#/, ''));
