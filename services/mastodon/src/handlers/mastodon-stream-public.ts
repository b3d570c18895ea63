import type { Handler } from './deps.js';
import { serveMastodonStream } from './event-stream.js';

/** Every new post, live (all of Starling's posts are local ones). */
export const mastodonStreamPublic: Handler<'mastodonStreamPublic'> = (ctx, deps) => (request, reply) =>
  serveMastodonStream(ctx, deps, request, reply, 'public');
