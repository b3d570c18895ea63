import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { MediaAttachment } from '../api/tweet-cache.js';
import { useAppStore } from '../store.js';
import { Modal } from './modal.js';

/** A picture's alt text: its description, or a plain word when the author gave none. */
export function altOf(media: MediaAttachment): string {
  return media.description?.trim() || 'Picture';
}

const MOVES: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1 };

interface MediaViewerProps {
  /** The tweet's pictures that can be shown (ready ones), in order. */
  pictures: MediaAttachment[];
  index: number;
  onIndex(index: number): void;
  onClose(): void;
}

/**
 * One of a tweet's pictures at full size, in a modal: its alt text under it, Escape (or
 * the backdrop, or Close) closes, ArrowLeft and ArrowRight move between the pictures,
 * and focus goes back to the picture that was clicked.
 */
export function MediaViewer({ pictures, index, onIndex, onClose }: MediaViewerProps) {
  const altId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const setViewerOpen = useAppStore((state) => state.setViewerOpen);
  // The page behind is inert while the viewer is open, however it goes away.
  useEffect(() => {
    setViewerOpen(true);
    return () => setViewerOpen(false);
  }, [setViewerOpen]);
  const picture = pictures[index];
  if (!picture) return null;
  const count = pictures.length;
  const go = (to: number) => {
    if (to >= 0 && to < count) onIndex(to);
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const move = MOVES[event.key];
    if (move === undefined) return;
    event.preventDefault();
    go(index + move);
  }

  const size = picture.meta?.original;
  return createPortal(
    <Modal
      title={count > 1 ? `Picture ${index + 1} of ${count}` : 'Picture'}
      describedBy={altId}
      initialFocus={closeRef}
      className="viewer"
      titleClassName="viewer-title"
      backdropClassName="dialog-backdrop viewer-backdrop"
      onDismiss={onClose}
      dismissOnBackdrop
      onKeyDown={onKeyDown}
    >
      <img
        className="viewer-image"
        src={picture.url ?? undefined}
        alt={altOf(picture)}
        {...(size ? { width: size.width, height: size.height } : {})}
      />
      <p id={altId} className="viewer-alt">
        {picture.description?.trim() || 'No description.'}
      </p>
      <div className="dialog-actions">
        {count > 1 && (
          <>
            <button type="button" className="button" onClick={() => go(index - 1)} disabled={index === 0}>
              Previous picture
            </button>
            <button type="button" className="button" onClick={() => go(index + 1)} disabled={index === count - 1}>
              Next picture
            </button>
          </>
        )}
        <button ref={closeRef} type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>,
    document.body,
  );
}
