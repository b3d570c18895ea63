import type { Handler } from './deps.js';
import { serveMastodonStream } from './event-stream.js';

/** The caller's home timeline and notifications, live. */
export const mastodonStreamUser: Handler<'mastodonStreamUser'> = (ctx, deps) => (request, reply) =>
  serveMastodonStream(ctx, deps, request, reply, 'user');
