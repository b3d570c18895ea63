import { answerOf, starlingApi } from '../infra/starling-api.js';
import { siteOf, type Handler } from './deps.js';
import { statusOf } from './statuses.js';

export const mastodonGetStatus: Handler<'mastodonGetStatus'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request) => {
    const api = starlingApi(ctx, request);
    const tweet = answerOf(await api.GET('/api/v2/tweets/{id}', { params: { path: { id: request.params.id } } }));
    return statusOf(api, tweet, site);
  };
};
