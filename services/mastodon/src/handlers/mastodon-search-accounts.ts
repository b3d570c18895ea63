import { starlingApi } from '../infra/starling-api.js';
import { siteOf, type Handler } from './deps.js';
import { searchAccounts } from './search.js';

/** Accounts matching `q`, as the account search of an app's compose box asks. */
export const mastodonSearchAccounts: Handler<'mastodonSearchAccounts'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request) => {
    await ctx.auth.require(request);
    const { q, limit = 40, offset = 0 } = request.query;
    return searchAccounts(starlingApi(ctx, request), q, Math.min(limit, 40), offset, site);
  };
};
