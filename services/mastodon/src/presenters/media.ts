import type { MediaAttachment, MediaMeta } from '@starling/sdk';
import type { Site } from './site.js';

/** Mastodon's MediaAttachment entity (https://docs.joinmastodon.org/entities/MediaAttachment/). */
export interface MastodonMediaAttachment {
  id: string;
  type: 'image' | 'gifv' | 'video' | 'unknown';
  url: string | null;
  preview_url: string | null;
  remote_url: null;
  preview_remote_url: null;
  text_url: null;
  meta: MastodonMediaMeta | null;
  description: string | null;
  blurhash: string | null;
}

interface MastodonMediaSize {
  width: number;
  height: number;
  size: string;
  aspect: number;
}

export interface MastodonMediaMeta {
  original: MastodonMediaSize;
  small: MastodonMediaSize;
}

/**
 * A Starling attachment (an upload, or a picture of a tweet) as Mastodon's: the same
 * files, sizes and alt text. `url` is null while it is processing, as Mastodon's is; a
 * failed upload is `unknown`. A file kept in a folder is served by Starling at a path:
 * Mastodon clients load the URL as it is, so it is made absolute on the site.
 */
export function presentMediaAttachment(media: MediaAttachment, site: Site): MastodonMediaAttachment {
  return {
    id: media.id,
    type: media.state === 'failed' ? 'unknown' : media.type,
    url: absolute(media.url, site),
    preview_url: absolute(media.preview_url, site),
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta: media.meta ? presentMeta(media.meta) : null,
    description: media.description,
    blurhash: media.blurhash,
  };
}

const presentMeta = (meta: MediaMeta): MastodonMediaMeta => ({
  original: size(meta.original),
  small: size(meta.small),
});

const size = (s: MediaMeta['original']): MastodonMediaSize => ({
  width: s.width,
  height: s.height,
  size: `${s.width}x${s.height}`,
  aspect: s.aspect,
});

const absolute = (url: string | null, site: Site) => (url === null ? null : new URL(url, `${site.origin}/`).href);
