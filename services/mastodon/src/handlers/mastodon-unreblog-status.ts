import { answerOf, starlingApi } from '../infra/starling-api.js';
import { siteOf, type Handler } from './deps.js';
import { statusOf } from './statuses.js';

/** Stops reposting the status; answers the original as it now is. */
export const mastodonUnreblogStatus: Handler<'mastodonUnreblogStatus'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request) => {
    const api = starlingApi(ctx, request);
    const tweet = answerOf(
      await api.DELETE('/api/v2/tweets/{id}/repost', { params: { path: { id: request.params.id } } }),
    );
    return statusOf(api, tweet, site);
  };
};
