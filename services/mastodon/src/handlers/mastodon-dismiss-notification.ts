import { problems } from '@starling/kit';
import { NotifyApi } from '../infra/notify-api.js';
import { starlingApi } from '../infra/starling-api.js';
import type { Handler } from './deps.js';

/** Removes one of the caller's notifications (notify's own dismissal, so the web app loses it too). */
export const mastodonDismissNotification: Handler<'mastodonDismissNotification'> = (ctx) => async (request) => {
  await ctx.auth.require(request);
  const removed = await new NotifyApi(starlingApi(ctx, request)).dismiss(request.params.id);
  if (!removed) throw problems.notFound(`You have no notification ${request.params.id}.`);
  return {};
};
