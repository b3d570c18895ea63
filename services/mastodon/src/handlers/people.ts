import type { StarlingClient, Tweet, User } from '@starling/sdk';
import { answerOf } from '../infra/starling-api.js';
import { presentAccount, type MastodonAccount } from '../presenters/account.js';
import type { Site } from '../presenters/site.js';
import type { People } from '../presenters/status.js';

/** The most users one `GET /api/v1/users?id=…&username=…` names (its contract's maxItems). */
const USERS_PER_REQUEST = 100;

/**
 * The accounts a page of statuses shows, read in one request through Starling's API:
 * authors, reposters and the mentioned. A user that cannot be read (deleted meanwhile)
 * is left out, and the presenter falls back on the tweet's names.
 */
export async function peopleOf(api: StarlingClient, tweets: Tweet[], site: Site): Promise<People> {
  const ids = new Set<string>();
  const usernames = new Set<string>();
  for (const tweet of tweets) {
    ids.add(tweet.author_id);
    if (tweet.reposted_by) ids.add(tweet.reposted_by.id);
    for (const m of tweet.entities.mentions) usernames.add(m.username.toLowerCase());
  }
  const accounts = (await usersOf(api, [...ids], [...usernames])).map((u) => presentAccount(u, site));
  return {
    byId: new Map(accounts.map((a) => [a.id, a])),
    byUsername: new Map(accounts.map((a) => [a.username.toLowerCase(), a])),
  };
}

/**
 * The users with these ids, then these usernames, that exist, in that order, each once:
 * one request per hundred, in parallel, as the caller (so `following` and `followed_by`
 * are the caller's).
 */
export async function usersOf(api: StarlingClient, ids: string[], usernames: string[] = []): Promise<User[]> {
  const asked = [...ids.map((id) => ({ id })), ...usernames.map((username) => ({ username }))];
  const chunks: (typeof asked)[] = [];
  for (let i = 0; i < asked.length; i += USERS_PER_REQUEST) chunks.push(asked.slice(i, i + USERS_PER_REQUEST));
  const answers = await Promise.all(
    chunks.map(async (chunk) => {
      const id = chunk.flatMap((a) => ('id' in a ? [a.id] : []));
      const username = chunk.flatMap((a) => ('username' in a ? [a.username] : []));
      const query = { ...(id.length ? { id } : {}), ...(username.length ? { username } : {}) };
      return answerOf(await api.GET('/api/v1/users', { params: { query } })).user_list;
    }),
  );
  const seen = new Set<string>();
  return answers.flat().filter((user) => !seen.has(user.id) && seen.add(user.id));
}

export async function userById(api: StarlingClient, id: string): Promise<User | undefined> {
  const { data } = await api.GET('/api/v1/users/{id}', { params: { path: { id } } });
  return data;
}

/** Accounts for a list of ids (followers, likers…), in order; those that cannot be read are left out. */
export async function accountsOf(api: StarlingClient, ids: string[], site: Site): Promise<MastodonAccount[]> {
  return (await usersOf(api, ids)).map((u) => presentAccount(u, site));
}
