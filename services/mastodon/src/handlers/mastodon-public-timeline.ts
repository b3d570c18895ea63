import { starlingApi } from '../infra/starling-api.js';
import { siteOf, type Handler } from './deps.js';
import { timelinePage } from './timelines.js';

/** Every status; every account is local, so `local` changes nothing and `remote` finds none. */
export const mastodonPublicTimeline: Handler<'mastodonPublicTimeline'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request, reply) => {
    if (request.query.remote === true) return [];
    const api = starlingApi(ctx, request);
    return timelinePage(request, reply, api, site, (query) =>
      api.GET('/api/v2/timelines/public', { params: { query } }),
    );
  };
};
