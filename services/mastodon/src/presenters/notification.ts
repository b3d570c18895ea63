import type { NotificationType } from '@starling/events';
import type { components } from '@starling/sdk';
import type { MastodonAccount } from './account.js';
import type { MastodonStatus } from './status.js';

/** A notification as notify's API answers it. */
export type Notification = components['schemas']['Notification'];

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

/** Mastodon's Notification entity (https://docs.joinmastodon.org/entities/Notification/). */
export interface MastodonNotification {
  id: string;
  type: MastodonNotificationType;
  created_at: string;
  group_key: string;
  account: MastodonAccount;
  status?: MastodonStatus;
}

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

/**
 * A Starling notification as Mastodon's, given the account who acted and the status it
 * is about, presented; undefined for one Mastodon has no type for.
 */
export function presentNotification(
  n: Notification,
  account: MastodonAccount,
  status: MastodonStatus | undefined,
): MastodonNotification | undefined {
  const type = mastodonType(n.type);
  if (!type) return undefined;
  return {
    id: n.id,
    type,
    created_at: n.created_at,
    group_key: `ungrouped-${n.id}`,
    account,
    ...(status ? { status } : {}),
  };
}
