import type { ApiFetch } from '@starling/kit';

/** A Mastodon Account or Status as the presenters make them. */
export type Presented = Record<string, unknown> & { id: string };

/**
 * Accounts and statuses fetched from Starling's own API with one caller's credentials and
 * presented in Mastodon's shapes, each fetched once however often a page names it. A
 * deleted (or hidden) one is undefined.
 */
export interface Lookups {
  account(userId: string): Promise<Presented | undefined>;
  status(tweetId: string): Promise<Presented | undefined>;
}

export function lookups(api: ApiFetch, headers: Record<string, string>): Lookups {
  const accounts = new Map<string, Promise<Presented | undefined>>();
  const statuses = new Map<string, Promise<Presented | undefined>>();
  const get = async (path: string) => {
    const res = await api(path, { headers });
    if (res.status === 404 || res.status === 410) return undefined;
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const once = (
    cache: Map<string, Promise<Presented | undefined>>,
    id: string,
    load: () => Promise<Presented | undefined>,
  ) => {
    let found = cache.get(id);
    if (!found) cache.set(id, (found = load()));
    return found;
  };
  const account = (id: string) =>
    once(accounts, id, async () => {
      const user = await get(`/api/v1/users/${encodeURIComponent(id)}`);
      return user && presentAccount(user);
    });
  const status = (id: string) =>
    once(statuses, id, async () => {
      const tweet = await get(`/api/v2/tweets/${encodeURIComponent(id)}`);
      if (!tweet) return undefined;
      return presentStatus(tweet, await account(String(tweet.author_id)));
    });
  return { account, status };
}

// Interim shapes until the shared account and status presenters are merged in.
function presentAccount(user: Record<string, unknown>): Presented {
  return {
    id: String(user.id),
    username: String(user.username),
    acct: String(user.username),
    display_name: String(user.name ?? ''),
    note: String(user.bio ?? ''),
    created_at: String(user.created_at),
    followers_count: user.followers_count,
    following_count: user.following_count,
    statuses_count: user.tweets_count,
  };
}

function presentStatus(tweet: Record<string, unknown>, account: Presented | undefined): Presented {
  return {
    id: String(tweet.id),
    created_at: String(tweet.created_at),
    content: String(tweet.body ?? ''),
    account,
  };
}
