import type { NotificationType } from '@starling/events';
import type { Lookups, Presented } from '../lookups.js';

/** Mastodon's notification types that Starling has, and Starling's types each stands for. */
const STARLING_TYPES = {
  follow: ['follow'],
  // Mastodon has no reply notification: a reply mentions whom it answers.
  mention: ['mention', 'reply'],
  favourite: ['like'],
  reblog: ['repost'],
} as const satisfies Record<string, readonly NotificationType[]>;

export type MastodonNotificationType = keyof typeof STARLING_TYPES;

const MASTODON_TYPES = Object.keys(STARLING_TYPES) as MastodonNotificationType[];

/** Starling's type as Mastodon names it; undefined for a notice Mastodon has no type for (a disabled webhook). */
export function mastodonType(type: string): MastodonNotificationType | undefined {
  return MASTODON_TYPES.find((m) => (STARLING_TYPES[m] as readonly string[]).includes(type));
}

/**
 * Starling's types a Mastodon filter leaves: `types[]` (only these; unknown ones match
 * nothing) less `exclude_types[]`, of those with a Mastodon name.
 */
export function starlingTypes(types?: readonly string[], excluded?: readonly string[]): NotificationType[] {
  const wanted = MASTODON_TYPES.filter((m) => (types?.length ? types.includes(m) : true) && !excluded?.includes(m));
  return wanted.flatMap((m) => STARLING_TYPES[m]);
}

/** A notification as notify's API answers it. */
export interface StarlingNotification {
  id: string;
  type: string;
  created_at: string;
  account?: { id: string };
  tweet?: { id: string };
}

/** Mastodon's Notification, or undefined for one it cannot show (no Mastodon type, its account gone). */
export async function presentNotification(n: StarlingNotification, look: Lookups): Promise<Presented | undefined> {
  const type = mastodonType(n.type);
  if (!type || !n.account) return undefined;
  const [account, status] = await Promise.all([
    look.account(n.account.id),
    n.tweet ? look.status(n.tweet.id) : Promise.resolve(undefined),
  ]);
  if (!account || (n.tweet && !status)) return undefined;
  return {
    id: n.id,
    type,
    created_at: n.created_at,
    group_key: `ungrouped-${n.id}`,
    account,
    ...(status ? { status } : {}),
  };
}
