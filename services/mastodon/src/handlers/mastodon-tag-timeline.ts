import { starlingApi } from '../infra/starling-api.js';
import { siteOf, type Handler } from './deps.js';
import { timelinePage } from './timelines.js';

export const mastodonTagTimeline: Handler<'mastodonTagTimeline'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request, reply) => {
    const api = starlingApi(ctx, request);
    const tag = request.params.hashtag.replace(/^#/, '');
    return timelinePage(request, reply, api, site, (query) =>
      api.GET('/api/v2/timelines/tag/{tag}', { params: { path: { tag }, query } }),
    );
  };
};
