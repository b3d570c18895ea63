/** Starling's MediaAttachment, as the media service answers it. */
export interface StarlingMedia {
  id: string;
  type: 'image' | 'gifv' | 'video';
  state: 'processing' | 'ready' | 'failed';
  reason?: string;
  url: string | null;
  preview_url: string | null;
  description: string | null;
  blurhash: string | null;
  meta: { original: Size; small: Size } | null;
}

interface Size {
  width: number;
  height: number;
  aspect: number;
}

const size = (s: Size) => ({ width: s.width, height: s.height, size: `${s.width}x${s.height}`, aspect: s.aspect });

/** A path the store gave (a folder store's `/media/…`) made absolute, since Mastodon clients load it as is. */
const absolute = (url: string | null, origin: string) => (url === null ? null : new URL(url, origin).href);

/** Mastodon's MediaAttachment: `url` is null until the upload is processed. */
export function presentMedia(media: StarlingMedia, origin: string) {
  return {
    id: media.id,
    type: media.type,
    url: absolute(media.url, origin),
    preview_url: absolute(media.preview_url, origin),
    remote_url: null,
    text_url: null,
    meta: media.meta ? { original: size(media.meta.original), small: size(media.meta.small) } : null,
    description: media.description,
    blurhash: media.blurhash,
  };
}
