import type { FastifyRequest } from 'fastify';
import { NotifyApi } from '../infra/notify-api.js';
import { notificationsOf } from '../infra/presented.js';
import { starlingApi } from '../infra/starling-api.js';
import { starlingTypes, type Notification } from '../presenters/notification.js';
import { siteOf, type Handler } from './deps.js';

/**
 * The caller's notifications as Mastodon pages them: newest first; `max_id` pages back,
 * `since_id` gives the newest page down to an id, `min_id` the page just after one.
 */
export const mastodonListNotifications: Handler<'mastodonListNotifications'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request, reply) => {
    await ctx.auth.require(request);
    const q = request.query;
    const limit = q.limit ?? 40;
    const types = starlingTypes(q['types[]'], q['exclude_types[]']);
    const api = starlingApi(ctx, request);
    const notify = new NotifyApi(api);
    let page: Notification[] = [];
    if (types.length > 0) {
      if (q.min_id !== undefined) page = (await notify.newerThan(types, q.min_id, q.max_id)).slice(-limit);
      else {
        page = await notify.page(types, limit, q.max_id);
        if (q.since_id !== undefined) page = page.filter((n) => n.id > q.since_id!);
      }
    }
    const link = pageLinks(request, page);
    if (link) reply.header('link', link);
    reply.header('cache-control', 'private, no-cache');
    return notificationsOf(api, page, site);
  };
};

/** Mastodon's Link header: rel="next" for older ones, rel="prev" for newer ones, absolute. */
function pageLinks(request: FastifyRequest, page: Notification[]): string | undefined {
  if (page.length === 0) return undefined;
  const url = (set: string, id: string) => {
    const u = new URL(request.url, `${request.protocol}://${request.host}`);
    for (const name of ['max_id', 'since_id', 'min_id']) u.searchParams.delete(name);
    u.searchParams.set(set, id);
    return u.href;
  };
  return `<${url('max_id', page.at(-1)!.id)}>; rel="next", <${url('min_id', page[0]!.id)}>; rel="prev"`;
}
