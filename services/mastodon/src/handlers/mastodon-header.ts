import { HEADER_PNG } from '../infra/avatar.js';
import type { Handler } from './deps.js';

/** Every account's header: one transparent pixel. */
export const mastodonHeader: Handler<'mastodonHeader'> = () => async (_request, reply) =>
  reply.type('image/png').header('cache-control', 'public, max-age=31536000, immutable').send(HEADER_PNG);
