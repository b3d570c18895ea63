import { problems } from '@starling/kit';
import { NotifyApi } from '../infra/notify-api.js';
import { lookups } from '../lookups.js';
import { presentNotification } from '../presenters/notification.js';
import { callerHeaders } from '../upstream.js';
import type { Handler } from './deps.js';

/** One of the caller's notifications; one Mastodon has no type for is as absent as another's. */
export const mastodonGetNotification: Handler<'mastodonGetNotification'> = (ctx) => async (request, reply) => {
  await ctx.auth.require(request);
  const headers = callerHeaders(request);
  const found = await new NotifyApi(ctx.api, headers).one(request.params.id);
  const shown = found && (await presentNotification(found, lookups(ctx.api, headers)));
  if (!shown) throw problems.notFound(`You have no notification ${request.params.id}.`);
  reply.header('cache-control', 'private, no-cache');
  return shown;
};
