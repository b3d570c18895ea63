import { problems } from '@starling/kit';
import { NotifyApi } from '../infra/notify-api.js';
import { callerHeaders } from '../upstream.js';
import type { Handler } from './deps.js';

/** Removes one of the caller's notifications (notify's own dismissal, so the web app loses it too). */
export const mastodonDismissNotification: Handler<'mastodonDismissNotification'> = (ctx) => async (request) => {
  await ctx.auth.require(request);
  const removed = await new NotifyApi(ctx.api, callerHeaders(request)).dismiss(request.params.id);
  if (!removed) throw problems.notFound(`You have no notification ${request.params.id}.`);
  return {};
};
