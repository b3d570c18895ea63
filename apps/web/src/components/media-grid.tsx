import { useMemo, useState } from 'react';
import { useSettlingMedia } from '../api/use-settling-media.js';
import type { MediaAttachment, Tweet } from '../api/tweet-cache.js';
import { blurhashDataUrl } from '../lib/blurhash.js';
import { useAppStore } from '../store.js';
import { altOf, MediaViewer } from './media-viewer.js';

const isShowable = (media: MediaAttachment) => media.state === 'ready' && !!media.preview_url && !!media.url;

interface MediaTileProps {
  media: MediaAttachment;
  onOpen(button: HTMLButtonElement): void;
}

/** One picture of the grid: its preview over its BlurHash, or why it can't be shown yet. */
function MediaTile({ media, onOpen }: MediaTileProps) {
  const [loaded, setLoaded] = useState(false);
  const small = media.meta?.small;
  const blur = useMemo(
    () => (media.blurhash ? blurhashDataUrl(media.blurhash, small?.aspect) : undefined),
    [media.blurhash, small?.aspect],
  );
  if (media.state === 'processing') {
    return <div className="media-tile media-note">Processing…</div>;
  }
  if (!isShowable(media)) {
    return <div className="media-tile media-note media-failed">Picture unavailable</div>;
  }
  return (
    <button
      type="button"
      className="media-tile"
      aria-haspopup="dialog"
      onClick={(event) => onOpen(event.currentTarget)}
    >
      <img
        src={media.preview_url ?? undefined}
        alt={altOf(media)}
        loading="lazy"
        decoding="async"
        onLoad={() => setLoaded(true)}
        {...(small ? { width: small.width, height: small.height } : {})}
        {...(blur && !loaded ? { style: { backgroundImage: `url("${blur}")` } } : {})}
      />
    </button>
  );
}

/**
 * A tweet's pictures, laid out by how many there are (one; two side by side; one tall
 * and two; two by two). Clicking one opens it in the viewer. While any is processing,
 * the tweet is refetched now and then until they are all ready or failed.
 */
export function MediaGrid({ tweet }: { tweet: Tweet }) {
  useSettlingMedia(tweet);
  const setViewerOpen = useAppStore((state) => state.setViewerOpen);
  const [viewing, setViewing] = useState<number | null>(null);
  const media = tweet.media_attachments ?? [];
  const showable = media.filter(isShowable);
  if (media.length === 0) return null;

  const open = (picture: MediaAttachment, button: HTMLButtonElement) => {
    // Not every browser focuses a clicked button; the viewer gives focus back to it.
    button.focus();
    setViewing(showable.indexOf(picture));
  };
  // In the same render as the viewer goes, so the page is no longer inert when focus returns.
  const close = () => {
    setViewing(null);
    setViewerOpen(false);
  };

  return (
    <div className={`media-grid media-grid-${Math.min(media.length, 4)}`}>
      {media.slice(0, 4).map((m) => (
        <MediaTile key={m.id} media={m} onOpen={(button) => open(m, button)} />
      ))}
      {viewing !== null && <MediaViewer pictures={showable} index={viewing} onIndex={setViewing} onClose={close} />}
    </div>
  );
}
