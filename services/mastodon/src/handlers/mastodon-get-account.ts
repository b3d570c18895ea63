import { answerOf, starlingApi } from '../infra/starling-api.js';
import { presentAccount } from '../presenters/account.js';
import { siteOf, type Handler } from './deps.js';

export const mastodonGetAccount: Handler<'mastodonGetAccount'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request) => {
    const api = starlingApi(ctx, request);
    const user = answerOf(await api.GET('/api/v1/users/{id}', { params: { path: { id: request.params.id } } }));
    return presentAccount(user, site);
  };
};
