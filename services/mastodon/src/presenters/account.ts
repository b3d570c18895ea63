import type { User } from '@starling/sdk';
import { paragraphs } from './html.js';
import { accountUrl, avatarUrl, headerUrl, type Site } from './site.js';

/** Mastodon's Account entity (https://docs.joinmastodon.org/entities/Account/), as Starling fills it. */
export interface MastodonAccount {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  locked: boolean;
  bot: boolean;
  discoverable: boolean;
  group: boolean;
  indexable: boolean;
  noindex: boolean;
  created_at: string;
  note: string;
  url: string;
  uri: string;
  avatar: string;
  avatar_static: string;
  header: string;
  header_static: string;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  last_status_at: string | null;
  emojis: [];
  fields: [];
  roles: [];
}

/** What the account's owner sees of their own settings (verify_credentials). */
export interface MastodonSource {
  privacy: 'public';
  sensitive: false;
  language: string;
  note: string;
  fields: [];
  follow_requests_count: 0;
}

export type MastodonCredentialAccount = MastodonAccount & { source: MastodonSource };

/**
 * A Starling user as a Mastodon Account. Every account is local, so `acct` is the bare
 * username; nobody is locked (Starling has no follow requests), a bot or a group. The
 * bio is plain text in Starling and HTML (`note`) in Mastodon.
 */
export function presentAccount(user: User, site: Site): MastodonAccount {
  const url = accountUrl(site, user.username);
  const avatar = avatarUrl(site, user.id);
  const header = headerUrl(site);
  return {
    id: user.id,
    username: user.username,
    acct: user.username,
    display_name: user.name,
    locked: false,
    bot: false,
    discoverable: true,
    group: false,
    indexable: true,
    noindex: false,
    created_at: user.created_at,
    note: paragraphs(user.bio ?? ''),
    url,
    uri: url,
    avatar,
    avatar_static: avatar,
    header,
    header_static: header,
    followers_count: user.followers_count,
    following_count: user.following_count,
    statuses_count: user.tweets_count,
    last_status_at: null,
    emojis: [],
    fields: [],
    roles: [],
  };
}

/** The caller's own account, with `source`: what an app's profile editor starts from. */
export function presentCredentialAccount(user: User, site: Site): MastodonCredentialAccount {
  return {
    ...presentAccount(user, site),
    source: {
      privacy: 'public',
      sensitive: false,
      language: '',
      note: user.bio ?? '',
      fields: [],
      follow_requests_count: 0,
    },
  };
}

/**
 * An author known only from a tweet (id, username, display name): used when their
 * account cannot be read (deleted meanwhile), so a status still names who wrote it.
 */
export function presentAuthor(author: { id: string; username: string; name: string }, site: Site): MastodonAccount {
  return presentAccount(
    {
      ...author,
      created_at: new Date(0).toISOString(),
      followers_count: 0,
      following_count: 0,
      tweets_count: 0,
    },
    site,
  );
}
