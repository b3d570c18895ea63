import { avatarPng } from '../infra/avatar.js';
import type { Handler } from './deps.js';

/** An account's picture, drawn from its id: the same bytes forever, so it caches for a year. */
export const mastodonAvatar: Handler<'mastodonAvatar'> = () => async (request, reply) =>
  reply
    .type('image/png')
    .header('cache-control', 'public, max-age=31536000, immutable')
    .send(avatarPng(request.params.id));
