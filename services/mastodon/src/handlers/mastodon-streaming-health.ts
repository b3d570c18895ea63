import type { Handler } from './deps.js';

/** Mastodon clients ask this before they open the stream; Mastodon answers the bare text OK. */
export const mastodonStreamingHealth: Handler<'mastodonStreamingHealth'> = () => async (_request, reply) =>
  reply.type('text/plain; charset=utf-8').send('OK');
