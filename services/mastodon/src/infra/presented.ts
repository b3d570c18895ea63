import type { StarlingClient } from '@starling/sdk';
import { statusOf } from '../handlers/statuses.js';
import { userById } from '../handlers/people.js';
import { presentAccount, type MastodonAccount } from '../presenters/account.js';
import { presentNotification, type MastodonNotification, type Notification } from '../presenters/notification.js';
import type { Site } from '../presenters/site.js';
import type { MastodonStatus } from '../presenters/status.js';

/** A tweet as a Mastodon status, read as the client's caller; undefined when it is gone. */
export async function statusById(api: StarlingClient, id: string, site: Site): Promise<MastodonStatus | undefined> {
  const { data } = await api.GET('/api/v2/tweets/{id}', { params: { path: { id } } });
  return data && statusOf(api, data, site);
}

/**
 * Notify's notifications as Mastodon's: each with its account and status, read once
 * each as the client's caller. One Mastodon has no type for, or whose account or status
 * is gone meanwhile, is left out.
 */
export async function notificationsOf(
  api: StarlingClient,
  notifications: Notification[],
  site: Site,
): Promise<MastodonNotification[]> {
  const accounts = new Map<string, Promise<MastodonAccount | undefined>>();
  const statuses = new Map<string, Promise<MastodonStatus | undefined>>();
  const once = <T>(cache: Map<string, Promise<T>>, id: string, load: () => Promise<T>) => {
    if (!cache.has(id)) cache.set(id, load());
    return cache.get(id)!;
  };
  const shown = await Promise.all(
    notifications.map(async (n) => {
      if (!n.account) return undefined;
      const actorId = n.account.id;
      const tweetId = n.tweet?.id;
      const [account, status] = await Promise.all([
        once(accounts, actorId, async () => {
          const user = await userById(api, actorId);
          return user && presentAccount(user, site);
        }),
        tweetId ? once(statuses, tweetId, () => statusById(api, tweetId, site)) : undefined,
      ]);
      if (!account || (tweetId && !status)) return undefined;
      return presentNotification(n, account, status);
    }),
  );
  return shown.filter((n): n is MastodonNotification => n !== undefined);
}
