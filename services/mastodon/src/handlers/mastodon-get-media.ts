import { HttpProblem } from '@starling/kit';
import { MediaApi } from '../infra/media-api.js';
import { starlingApi } from '../infra/starling-api.js';
import { presentMediaAttachment } from '../presenters/media.js';
import { siteOf, type Handler } from './deps.js';

/** One of the caller's uploads: 206 while it is processed, 200 once it has a `url`, 422 when it failed. */
export const mastodonGetMedia: Handler<'mastodonGetMedia'> = (ctx) => async (request, reply) => {
  await ctx.auth.require(request);
  const media = await new MediaApi(starlingApi(ctx, request)).get(request.params.id);
  if (media.state === 'failed') {
    throw new HttpProblem(422, 'media-failed', 'Media failed', media.reason ?? 'The file could not be processed.');
  }
  reply.header('cache-control', 'private, no-cache');
  reply.code(media.state === 'processing' ? 206 : 200);
  return presentMediaAttachment(media, siteOf(ctx));
};
