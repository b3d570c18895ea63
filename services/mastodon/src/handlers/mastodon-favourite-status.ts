import { answerOf, starlingApi } from '../infra/starling-api.js';
import { siteOf, type Handler } from './deps.js';
import { statusOf } from './statuses.js';

/** Likes the status; answers it as it now is. */
export const mastodonFavouriteStatus: Handler<'mastodonFavouriteStatus'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request) => {
    const api = starlingApi(ctx, request);
    const tweet = answerOf(await api.POST('/api/v2/tweets/{id}/like', { params: { path: { id: request.params.id } } }));
    return statusOf(api, tweet, site);
  };
};
