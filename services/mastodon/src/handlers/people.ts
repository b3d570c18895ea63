import type { StarlingClient, Tweet, User } from '@starling/sdk';
import { presentAccount, type MastodonAccount } from '../presenters/account.js';
import type { Site } from '../presenters/site.js';
import type { People } from '../presenters/status.js';

/**
 * The accounts a page of statuses shows, each read once (in parallel) through
 * Starling's API: authors, reposters and the mentioned. A user that cannot be read
 * (deleted meanwhile) is left out, and the presenter falls back on the tweet's names.
 */
export async function peopleOf(api: StarlingClient, tweets: Tweet[], site: Site): Promise<People> {
  const ids = new Set<string>();
  const usernames = new Set<string>();
  for (const tweet of tweets) {
    ids.add(tweet.author_id);
    if (tweet.reposted_by) ids.add(tweet.reposted_by.id);
    for (const m of tweet.entities.mentions) usernames.add(m.username.toLowerCase());
  }
  const [byId, mentioned] = await Promise.all([
    Promise.all([...ids].map((id) => userById(api, id))),
    Promise.all([...usernames].map((username) => userByUsername(api, username))),
  ]);
  const accounts = [...byId, ...mentioned].flatMap((u) => (u ? [presentAccount(u, site)] : []));
  return {
    byId: new Map(accounts.map((a) => [a.id, a])),
    byUsername: new Map(accounts.map((a) => [a.username.toLowerCase(), a])),
  };
}

export async function userById(api: StarlingClient, id: string): Promise<User | undefined> {
  const { data } = await api.GET('/api/v1/users/{id}', { params: { path: { id } } });
  return data;
}

export async function userByUsername(api: StarlingClient, username: string): Promise<User | undefined> {
  const { data } = await api.GET('/api/v1/users/lookup', { params: { query: { username } } });
  return data;
}

/** Accounts for a list of ids (followers, likers…), in order; those that cannot be read are left out. */
export async function accountsOf(api: StarlingClient, ids: string[], site: Site): Promise<MastodonAccount[]> {
  const users = await Promise.all(ids.map((id) => userById(api, id)));
  return users.flatMap((u) => (u ? [presentAccount(u, site)] : []));
}
