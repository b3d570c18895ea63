import { starlingApi } from '../infra/starling-api.js';
import { accountPage } from './account-lists.js';
import { siteOf, type Handler } from './deps.js';

export const mastodonStatusFavouritedBy: Handler<'mastodonStatusFavouritedBy'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request, reply) => {
    const api = starlingApi(ctx, request);
    return accountPage(request, reply, api, site, (query) =>
      api.GET('/api/v2/tweets/{id}/liked_by', { params: { path: { id: request.params.id }, query } }),
    );
  };
};
