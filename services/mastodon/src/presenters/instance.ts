import type { MastodonSettings } from '../settings.js';
import { streamingUrl, type Site } from './site.js';

/** The Mastodon release whose client API Starling speaks, and Starling's own, as apps parse it. */
export const STARLING_VERSION = '0.1.0';
export const MASTODON_VERSION = `4.3.0 (compatible; Starling ${STARLING_VERSION})`;

const TITLE = 'Starling';
const DESCRIPTION = 'A microblog: short posts, follows, likes, reposts and hashtags.';
/** What tweets allow (services/tweets: MAX_TWEET_LENGTH, four attachments) and media accepts. */
const MAX_CHARACTERS = 280;
const MAX_MEDIA = 4;
const DESCRIPTION_LIMIT = 1500;
const MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** The limits apps read before they let a person post: Starling's real ones. */
export function configuration(site: Site, settings: MastodonSettings) {
  return {
    urls: { streaming: streamingUrl(site) },
    vapid: { public_key: '' },
    accounts: { max_featured_tags: 0, max_pinned_statuses: 0 },
    statuses: { max_characters: MAX_CHARACTERS, max_media_attachments: MAX_MEDIA, characters_reserved_per_url: 23 },
    media_attachments: {
      supported_mime_types: MIME_TYPES,
      description_limit: DESCRIPTION_LIMIT,
      image_size_limit: settings.MEDIA_IMAGE_MAX_BYTES,
      image_matrix_limit: settings.MEDIA_IMAGE_MAX_PIXELS,
      video_size_limit: 0,
      video_frame_rate_limit: 0,
      video_matrix_limit: 0,
    },
    polls: { max_options: 0, max_characters_per_option: 0, min_expiration: 0, max_expiration: 0 },
    translation: { enabled: false },
  };
}

/** Mastodon's v2 Instance entity. */
export function presentInstance(site: Site, settings: MastodonSettings) {
  return {
    domain: new URL(site.origin).host,
    title: TITLE,
    version: MASTODON_VERSION,
    source_url: site.origin,
    description: DESCRIPTION,
    usage: { users: { active_month: 0 } },
    thumbnail: { url: `${site.origin}/mastodon/header.png` },
    icon: [],
    languages: ['en'],
    configuration: configuration(site, settings),
    registrations: { enabled: true, approval_required: false, message: null, url: `${site.origin}/signup` },
    api_versions: { mastodon: 2 },
    contact: { email: '', account: null },
    rules: [],
  };
}

/** Mastodon's v1 Instance entity, which older apps still read. */
export function presentInstanceV1(site: Site, settings: MastodonSettings) {
  const { urls, ...rest } = configuration(site, settings);
  return {
    uri: new URL(site.origin).host,
    title: TITLE,
    short_description: DESCRIPTION,
    description: DESCRIPTION,
    email: '',
    version: MASTODON_VERSION,
    urls: { streaming_api: urls.streaming },
    stats: { user_count: 0, status_count: 0, domain_count: 0 },
    thumbnail: null,
    languages: ['en'],
    registrations: true,
    approval_required: false,
    invites_enabled: false,
    configuration: rest,
    contact_account: null,
    rules: [],
  };
}
