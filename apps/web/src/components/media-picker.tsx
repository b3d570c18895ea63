import { useId, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { MAX_DESCRIPTION, PICTURE_TYPES, type MediaDraft, type Picture } from '../api/use-media-upload.js';

/** The "Add pictures" button, over a hidden file input. */
export function AddPicturesButton({ onFiles }: { onFiles(files: File[]): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={PICTURE_TYPES.join(',')}
        multiple
        hidden
        aria-label="Choose pictures"
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          // The same file can be chosen again after it is removed.
          event.target.value = '';
        }}
      />
      <button type="button" className="button" onClick={() => input.current?.click()}>
        Add pictures
      </button>
    </>
  );
}

/** Dropping files onto a form, or pasting pictures into it, attaches them. */
export function useDropAndPaste(onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  const carriesFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');
  return {
    dragging,
    handlers: {
      onDragOver(event: DragEvent<HTMLElement>) {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      },
      onDragLeave(event: DragEvent<HTMLElement>) {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      },
      onDrop(event: DragEvent<HTMLElement>) {
        setDragging(false);
        if (!carriesFiles(event)) return;
        event.preventDefault();
        onFiles([...event.dataTransfer.files]);
      },
      onPaste(event: ClipboardEvent<HTMLElement>) {
        const files = [...event.clipboardData.files];
        if (files.length === 0) return;
        event.preventDefault();
        onFiles(files);
      },
    },
  };
}

function PictureStatus({ picture }: { picture: Picture }) {
  if (picture.phase === 'uploading') {
    const percent = Math.round(picture.progress * 100);
    return (
      <div className="picture-status">
        <progress max={100} value={percent} aria-label="Upload progress" />
        <span aria-hidden="true">{percent}%</span>
      </div>
    );
  }
  if (picture.phase === 'processing') {
    return (
      <p className="picture-status" role="status">
        Processing…
      </p>
    );
  }
  if (picture.phase === 'failed') {
    return (
      <p className="picture-status picture-error" role="alert">
        {picture.error}
      </p>
    );
  }
  return null;
}

interface PicturePreviewProps {
  picture: Picture;
  position: number;
  media: MediaDraft;
}

function PicturePreview({ picture, position, media }: PicturePreviewProps) {
  const id = useId();
  return (
    <li className={`picture picture-${picture.phase}`}>
      <div className="picture-inner" role="group" aria-label={`Picture ${position}`}>
        <img className="picture-thumb" src={picture.thumbnail} alt="" />
        <div className="picture-details">
          <PictureStatus picture={picture} />
          <label htmlFor={`${id}-alt`} className="picture-label">
            Description (alt text)
          </label>
          <textarea
            id={`${id}-alt`}
            rows={2}
            maxLength={MAX_DESCRIPTION}
            value={picture.description}
            onChange={(event) => media.describe(picture.key, event.target.value)}
            onBlur={() => void media.saveDescription(picture.key).catch(() => undefined)}
            aria-describedby={picture.descriptionError ? `${id}-alt-error` : undefined}
          />
          {picture.descriptionError && (
            <p id={`${id}-alt-error`} className="field-error">
              {picture.descriptionError}
            </p>
          )}
        </div>
        <button type="button" className="button button-quiet picture-remove" onClick={() => media.remove(picture.key)}>
          Remove picture
        </button>
      </div>
    </li>
  );
}

/** The draft's pictures: thumbnails with their progress, alt text and a way to remove each. */
export function PicturePreviews({ media }: { media: MediaDraft }) {
  return (
    <>
      {media.pictures.length > 0 && (
        <ul className="pictures" aria-label="Pictures">
          {media.pictures.map((picture, i) => (
            <PicturePreview key={picture.key} picture={picture} position={i + 1} media={media} />
          ))}
        </ul>
      )}
      {media.notice && (
        <p className="form-error" role="alert">
          {media.notice}
        </p>
      )}
    </>
  );
}
