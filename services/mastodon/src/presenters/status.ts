import type { Tweet } from '@starling/sdk';
import { presentAuthor, type MastodonAccount } from './account.js';
import { statusContent } from './content.js';
import { presentMediaAttachment, type MastodonMediaAttachment } from './media.js';
import { statusUrl, tagUrl, type Site } from './site.js';

/** Mastodon's Status entity (https://docs.joinmastodon.org/entities/Status/), as Starling fills it. */
export interface MastodonStatus {
  id: string;
  uri: string;
  url: string;
  created_at: string;
  account: MastodonAccount;
  content: string;
  /** Only in the answer to a delete: the source text, for "delete and redraft". */
  text?: string;
  visibility: 'public';
  sensitive: false;
  spoiler_text: '';
  media_attachments: MastodonMediaAttachment[];
  mentions: MastodonMention[];
  tags: MastodonTag[];
  emojis: [];
  reblogs_count: number;
  favourites_count: number;
  replies_count: number;
  favourited: boolean;
  reblogged: boolean;
  bookmarked: false;
  muted: false;
  pinned: false;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  reblog: MastodonStatus | null;
  application: null;
  language: null;
  card: null;
  poll: null;
  edited_at: null;
}

export interface MastodonMention {
  id: string;
  username: string;
  url: string;
  acct: string;
}

export interface MastodonTag {
  name: string;
  url: string;
}

/**
 * The accounts a page of statuses shows, read beforehand (handlers/statuses.ts): the
 * authors and reposters by id, the mentioned accounts by lowercased username.
 */
export interface People {
  byId: ReadonlyMap<string, MastodonAccount>;
  byUsername: ReadonlyMap<string, MastodonAccount>;
}

/**
 * A Starling tweet as a Mastodon status. Everything on Starling is public, so the
 * visibility is always `public`; bookmarks, mutes, pins, polls, cards and edits do not
 * exist, so they are false or null. A timeline entry that is a repost
 * (`reposted_by`) becomes Mastodon's reblog: a status of the reposter's wrapping the
 * original, with the repost's own id (so `max_id` pages past it).
 */
export function presentStatus(tweet: Tweet, people: People, site: Site): MastodonStatus {
  const status = originalStatus(tweet, people, site);
  const repost = tweet.reposted_by;
  if (!repost) return status;
  const id = repost.repost_id ?? `${tweet.id}-${repost.id}`;
  return {
    ...status,
    id,
    uri: `${status.uri}/reblogs/${encodeURIComponent(repost.id)}`,
    created_at: timeOfId(id) ?? status.created_at,
    account: people.byId.get(repost.id) ?? presentAuthor(repost, site),
    content: '',
    media_attachments: [],
    mentions: [],
    tags: [],
    replies_count: 0,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    reblog: status,
  };
}

function originalStatus(tweet: Tweet, people: People, site: Site): MastodonStatus {
  const url = statusUrl(site, tweet.id);
  const mentions = tweet.entities.mentions.flatMap((m): MastodonMention[] => {
    const account = people.byUsername.get(m.username.toLowerCase());
    return account ? [{ id: account.id, username: account.username, url: account.url, acct: account.acct }] : [];
  });
  return {
    id: tweet.id,
    uri: url,
    url,
    created_at: tweet.timestamp,
    account:
      people.byId.get(tweet.author_id) ??
      presentAuthor({ id: tweet.author_id, username: tweet.tweetedby, name: tweet.author_name }, site),
    content: statusContent(tweet.body, tweet.entities, site),
    visibility: 'public',
    sensitive: false,
    spoiler_text: '',
    media_attachments: tweet.media_attachments.map((m) => presentMediaAttachment(m, site)),
    mentions: uniqueBy(mentions, (m) => m.id),
    tags: uniqueBy(
      tweet.entities.hashtags.map((h) => ({ name: h.tag.toLowerCase(), url: tagUrl(site, h.tag.toLowerCase()) })),
      (t) => t.name,
    ),
    emojis: [],
    reblogs_count: tweet.repost_count,
    favourites_count: tweet.like_count,
    replies_count: tweet.reply_count,
    favourited: tweet.liked ?? false,
    reblogged: tweet.reposted ?? false,
    bookmarked: false,
    muted: false,
    pinned: false,
    in_reply_to_id: tweet.in_reply_to_id ?? null,
    in_reply_to_account_id: tweet.in_reply_to_author_id ?? null,
    reblog: null,
    application: null,
    language: null,
    card: null,
    poll: null,
    edited_at: null,
  };
}

/** A deleted tweet as Mastodon answers a delete: the status with its source `text`, for redrafting. */
export function presentDeletedStatus(tweet: Tweet, people: People, site: Site): MastodonStatus {
  return { ...presentStatus(tweet, people, site), text: tweet.body };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** When a Starling id (a ULID) was made: its first ten characters are the time in milliseconds. */
export function timeOfId(id: string): string | undefined {
  if (!/^[0-9A-HJKMNP-TV-Z]{26}$/i.test(id)) return undefined;
  let ms = 0;
  for (const c of id.slice(0, 10).toUpperCase()) ms = ms * 32 + CROCKFORD.indexOf(c);
  return new Date(ms).toISOString();
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)) !== undefined);
}
