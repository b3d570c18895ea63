import type { StarlingClient } from '@starling/sdk';
import { answerOf } from '../infra/starling-api.js';
import type { MastodonAccount } from '../presenters/account.js';
import type { MastodonStatus, MastodonTag } from '../presenters/status.js';
import { tagUrl, type Site } from '../presenters/site.js';
import { accountsOf } from './people.js';
import { statusesOf } from './statuses.js';

/** Starling's search pages by cursor; an `offset` is read as that many more results, up to its page size. */
const MAX_WINDOW = 100;

/** Accounts matching `q` (a leading @ ignored), best first. */
export async function searchAccounts(
  api: StarlingClient,
  q: string,
  limit: number,
  offset: number,
  site: Site,
): Promise<MastodonAccount[]> {
  if (offset + limit > MAX_WINDOW) return [];
  const query = q.trim().replace(/^@/, '').split('@')[0]!;
  if (query === '') return [];
  const found = answerOf(
    await api.GET('/api/v2/search', { params: { query: { q: query, type: 'users', limit: offset + limit } } }),
  );
  const users = 'user_list' in found ? found.user_list : [];
  return accountsOf(
    api,
    users.slice(offset).map((u) => u.id),
    site,
  );
}

/** Statuses matching `q`, best first. */
export async function searchStatuses(
  api: StarlingClient,
  q: string,
  limit: number,
  offset: number,
  site: Site,
): Promise<MastodonStatus[]> {
  if (offset + limit > MAX_WINDOW || q.trim() === '') return [];
  const found = answerOf(
    await api.GET('/api/v2/search', { params: { query: { q: q.trim(), type: 'tweets', limit: offset + limit } } }),
  );
  const tweets = 'tweets_list' in found ? found.tweets_list : [];
  return statusesOf(api, tweets.slice(offset), site);
}

/**
 * The hashtag `q` names, when some status carries it: Starling keeps no list of tags to
 * search, so a query that is one tag (`#café` or `café`) finds that tag, if it is used.
 */
export async function searchHashtags(
  api: StarlingClient,
  q: string,
  offset: number,
  site: Site,
): Promise<MastodonTag[]> {
  const tag = q.trim().replace(/^#/, '');
  if (offset > 0 || !/^[\p{L}\p{N}_]{1,100}$/u.test(tag)) return [];
  const page = await api.GET('/api/v2/timelines/tag/{tag}', { params: { path: { tag }, query: { limit: 1 } } });
  if (!page.data?.tweets_list.length) return [];
  const name = tag.toLowerCase();
  return [{ name, url: tagUrl(site, name) }];
}
