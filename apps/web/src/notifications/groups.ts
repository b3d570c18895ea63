import type { Notification } from './api.js';

export interface Person {
  id: string;
  username: string;
  name: string;
}

/** Notifications shown as one entry: every like of one tweet, say, or every new follower. */
export interface NotificationGroup {
  key: string;
  type: Notification['type'];
  /** Who did it, most recent first, each once. */
  people: Person[];
  tweet: Notification['tweet'];
  /** The newest notification of the group: where it sorts and when it happened. */
  latest: Notification;
  unread: boolean;
}

/** Which entry a notification joins: likes and reposts per tweet, follows all together, the rest alone. */
function groupKey(n: Notification): string {
  if ((n.type === 'like' || n.type === 'repost') && n.tweet) return `${n.type}:${n.tweet.id}`;
  if (n.type === 'follow') return 'follow';
  return `one:${n.id}`;
}

/** Groups notifications (newest first) as people expect them; groups keep the order of their newest. */
export function groupNotifications(notifications: Notification[]): NotificationGroup[] {
  const groups = new Map<string, NotificationGroup>();
  for (const n of notifications) {
    const key = groupKey(n);
    let group = groups.get(key);
    if (!group) {
      group = { key, type: n.type, people: [], tweet: n.tweet, latest: n, unread: false };
      groups.set(key, group);
    }
    if (n.account && !group.people.some((p) => p.id === n.account!.id)) group.people.push(n.account);
    group.unread ||= !n.read;
  }
  return [...groups.values()];
}

const WHAT: Record<Notification['type'], string> = {
  follow: 'followed you',
  mention: 'mentioned you',
  reply: 'replied to your tweet',
  like: 'liked your tweet',
  repost: 'reposted your tweet',
  webhook_disabled: 'One of your webhooks failed too often and was turned off',
};

export const displayName = (p: Person) => p.name || `@${p.username}`;

/** "Ada liked your tweet", "Ada and Bob liked your tweet", "Ada and 12 others liked your tweet". */
export function describe(group: NotificationGroup): { who: string; what: string } {
  const [first, second] = group.people;
  if (!first) return { who: '', what: WHAT[group.type] };
  const others = group.people.length - 1;
  let who = displayName(first);
  if (others === 1) who += ` and ${displayName(second!)}`;
  else if (others > 1) who += ` and ${others} others`;
  return { who, what: WHAT[group.type] };
}
