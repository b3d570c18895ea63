import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { errorMessage } from '../api/problem.js';
import { useMediaUpload } from '../api/use-media-upload.js';
import { usePostTweet } from '../api/use-tweets.js';
import { charactersLeft, describeCharactersLeft, isTweetable } from '../lib/tweet-length.js';
import { useAppStore } from '../store.js';
import { AddPicturesButton, PicturePreviews, useDropAndPaste } from './media-picker.js';

export function ComposeBox() {
  const draft = useAppStore((state) => state.draft);
  const setDraft = useAppStore((state) => state.setDraft);
  const clearPostedDraft = useAppStore((state) => state.clearPostedDraft);
  const post = usePostTweet();
  const media = useMediaUpload();
  const { dragging, handlers } = useDropAndPaste(media.add);
  const [saving, setSaving] = useState(false);
  const left = charactersLeft(draft);
  const hasPictures = media.pictures.length > 0;
  // Pictures may stand alone; text-only tweets need some text.
  const textOk = hasPictures ? left >= 0 : isTweetable(draft);
  const canPost = textOk && media.postable && !post.isPending && !saving;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canPost) return;
    const posted = draft.trim();
    const mediaIds = media.mediaIds;
    if (mediaIds.length === 0) {
      post.mutate({ body: posted }, { onSuccess: () => clearPostedDraft(posted) });
      return;
    }
    // Alt text typed but not yet saved (the field still focused) goes with the tweet.
    setSaving(true);
    try {
      await media.saveDescriptions();
    } catch {
      return; // Each picture says what went wrong with its description.
    } finally {
      setSaving(false);
    }
    post.mutate(
      { body: posted, media_ids: mediaIds },
      {
        onSuccess: () => {
          clearPostedDraft(posted);
          media.clear();
        },
      },
    );
  }

  // Ctrl+Enter (⌘+Enter on a Mac) posts without leaving the keyboard's home row.
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  return (
    <form className={dragging ? 'compose compose-dropping' : 'compose'} onSubmit={submit} {...handlers}>
      <label htmlFor="compose-text" className="compose-label">
        What's happening?
      </label>
      <textarea
        id="compose-text"
        rows={3}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby="compose-count"
        aria-invalid={left < 0 ? true : undefined}
      />
      <PicturePreviews media={media} />
      <div className="compose-footer">
        <p id="compose-count" className={left < 0 ? 'count count-over' : 'count'} aria-live="polite">
          {describeCharactersLeft(left)}
        </p>
        <div className="compose-buttons">
          <AddPicturesButton onFiles={media.add} />
          <button type="submit" className="button button-primary" disabled={!canPost}>
            Tweet
          </button>
        </div>
      </div>
      {post.isError && (
        <p className="form-error" role="alert">
          Your tweet wasn't posted. {errorMessage(post.error)}
        </p>
      )}
    </form>
  );
}
