import type { FormEvent, KeyboardEvent } from 'react';
import { errorMessage } from '../api/problem.js';
import { usePostTweet } from '../api/use-tweets.js';
import { charactersLeft, describeCharactersLeft, isTweetable } from '../lib/tweet-length.js';
import { useAppStore } from '../store.js';

export function ComposeBox() {
  const draft = useAppStore((state) => state.draft);
  const setDraft = useAppStore((state) => state.setDraft);
  const clearPostedDraft = useAppStore((state) => state.clearPostedDraft);
  const post = usePostTweet();
  const left = charactersLeft(draft);
  const canPost = isTweetable(draft) && !post.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canPost) return;
    const posted = draft.trim();
    post.mutate({ body: posted }, { onSuccess: () => clearPostedDraft(posted) });
  }

  // Ctrl+Enter (⌘+Enter on a Mac) posts without leaving the keyboard's home row.
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  return (
    <form className="compose" onSubmit={submit}>
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
      <div className="compose-footer">
        <p id="compose-count" className={left < 0 ? 'count count-over' : 'count'} aria-live="polite">
          {describeCharactersLeft(left)}
        </p>
        <button type="submit" className="button button-primary" disabled={!canPost}>
          Tweet
        </button>
      </div>
      {post.isError && (
        <p className="form-error" role="alert">
          Your tweet wasn't posted. {errorMessage(post.error)}
        </p>
      )}
    </form>
  );
}
