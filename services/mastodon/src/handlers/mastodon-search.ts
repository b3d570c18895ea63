import { starlingApi } from '../infra/starling-api.js';
import { siteOf, type Handler } from './deps.js';
import { searchAccounts, searchHashtags, searchStatuses } from './search.js';

/**
 * Mastodon's search, for apps' tokens only (Starling's own search answers the rest at
 * this path: docs/mastodon.md). `type` picks one kind; without it, all three. `resolve`
 * is accepted: every account is local, so there is nothing to fetch from elsewhere.
 */
export const mastodonSearch: Handler<'mastodonSearch'> = (ctx) => {
  const site = siteOf(ctx);
  return async (request) => {
    await ctx.auth.require(request);
    const api = starlingApi(ctx, request);
    const { q, type, limit = 20, offset = 0 } = request.query;
    const size = Math.min(limit, 40);
    const wants = (kind: 'accounts' | 'statuses' | 'hashtags') => type === undefined || type === kind;
    const [accounts, statuses, hashtags] = await Promise.all([
      wants('accounts') ? searchAccounts(api, q, size, offset, site) : [],
      wants('statuses') ? searchStatuses(api, q, size, offset, site) : [],
      wants('hashtags') ? searchHashtags(api, q, offset, site) : [],
    ]);
    return { accounts, statuses, hashtags };
  };
};
