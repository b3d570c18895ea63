import { starlingApi } from '../infra/starling-api.js';
import { siteOf, type Handler } from './deps.js';
import { timelinePage } from './timelines.js';

/** The caller's home timeline; a repost is a reblog. */
export const mastodonHomeTimeline: Handler<'mastodonHomeTimeline'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request, reply) => {
    const api = starlingApi(ctx, request);
    return timelinePage(request, reply, api, site, (query) => api.GET('/api/v2/timelines/home', { params: { query } }));
  };
};
