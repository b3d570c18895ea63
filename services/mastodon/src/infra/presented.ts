import type { StarlingClient } from '@starling/sdk';
import { statusOf } from '../handlers/statuses.js';
import { usersOf } from '../handlers/people.js';
import { presentAccount } from '../presenters/account.js';
import { presentNotification, type MastodonNotification, type Notification } from '../presenters/notification.js';
import type { Site } from '../presenters/site.js';
import type { MastodonStatus } from '../presenters/status.js';

/** A tweet as a Mastodon status, read as the client's caller; undefined when it is gone. */
export async function statusById(api: StarlingClient, id: string, site: Site): Promise<MastodonStatus | undefined> {
  const { data } = await api.GET('/api/v2/tweets/{id}', { params: { path: { id } } });
  return data && statusOf(api, data, site);
}

/**
 * Notify's notifications as Mastodon's: each with its account and status, read as the
 * client's caller, the accounts in one request and each status once. One Mastodon has no
 * type for, or whose account or status is gone meanwhile, is left out.
 */
export async function notificationsOf(
  api: StarlingClient,
  notifications: Notification[],
  site: Site,
): Promise<MastodonNotification[]> {
  const shown = notifications.filter((n) => n.account);
  const tweetIds = [...new Set(shown.flatMap((n) => (n.tweet ? [n.tweet.id] : [])))];
  const [users, statuses] = await Promise.all([
    usersOf(api, [...new Set(shown.map((n) => n.account!.id))]),
    Promise.all(tweetIds.map(async (id) => [id, await statusById(api, id, site)] as const)),
  ]);
  const accounts = new Map(users.map((u) => [u.id, presentAccount(u, site)]));
  const statusOfTweet = new Map(statuses);
  return shown.flatMap((n) => {
    const account = accounts.get(n.account!.id);
    const status = n.tweet ? statusOfTweet.get(n.tweet.id) : undefined;
    if (!account || (n.tweet && !status)) return [];
    const notification = presentNotification(n, account, status);
    return notification ? [notification] : [];
  });
}
