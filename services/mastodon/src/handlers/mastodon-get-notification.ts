import { problems } from '@starling/kit';
import { NotifyApi } from '../infra/notify-api.js';
import { notificationsOf } from '../infra/presented.js';
import { starlingApi } from '../infra/starling-api.js';
import { siteOf, type Handler } from './deps.js';

/** One of the caller's notifications; one Mastodon has no type for is as absent as another's. */
export const mastodonGetNotification: Handler<'mastodonGetNotification'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request, reply) => {
    await ctx.auth.require(request);
    const api = starlingApi(ctx, request);
    const found = await new NotifyApi(api).one(request.params.id);
    const [shown] = found ? await notificationsOf(api, [found], site) : [];
    if (!shown) throw problems.notFound(`You have no notification ${request.params.id}.`);
    reply.header('cache-control', 'private, no-cache');
    return shown;
  };
};
