import { answerOf, starlingApi } from '../infra/starling-api.js';
import { presentAccount } from '../presenters/account.js';
import { siteOf, type Handler } from './deps.js';

/** An account by `acct`: `name`, `@name` or `name@this.host` (every account is local). */
export const mastodonLookupAccount: Handler<'mastodonLookupAccount'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request) => {
    const username = request.query.acct.replace(/^@/, '').split('@')[0]!;
    const api = starlingApi(ctx, request);
    return presentAccount(answerOf(await api.GET('/api/v1/users/lookup', { params: { query: { username } } })), site);
  };
};
