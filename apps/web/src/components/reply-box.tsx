import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { describeProblem } from '../api/problem.js';
import { usePostTweet, type Tweet } from '../api/use-tweets.js';
import { charactersLeft, describeCharactersLeft, isTweetable } from '../lib/tweet-length.js';

interface ReplyBoxProps {
  to: Tweet;
  /** Put the cursor in the box as soon as it appears (when opened by a Reply button). */
  autoFocus?: boolean;
  /** Escape, or a posted reply: the box's owner decides whether it goes away. */
  onClose?(): void;
  onPosted?(reply: Tweet): void;
}

/** A compose box for a reply to `to`: the same limits as a tweet, sent with `in_reply_to_id`. */
export function ReplyBox({ to, autoFocus = false, onClose, onPosted }: ReplyBoxProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const post = usePostTweet();
  const box = useRef<HTMLTextAreaElement>(null);
  const left = charactersLeft(draft);
  const canPost = isTweetable(draft) && !post.isPending;

  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, [autoFocus]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canPost) return;
    post.mutate(
      { body: draft.trim(), in_reply_to_id: to.id },
      {
        onSuccess: (reply) => {
          setDraft('');
          onPosted?.(reply);
        },
      },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && onClose) {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const failure = post.isError
    ? describeProblem(post.error, { body: 'Your reply', in_reply_to_id: 'The tweet' })
    : null;
  const failureText = failure
    ? [failure.fieldErrors.body, failure.fieldErrors.in_reply_to_id, failure.message].filter(Boolean).join('. ')
    : '';

  return (
    <form className="compose reply-box" onSubmit={submit} onKeyDown={onKeyDown}>
      <label htmlFor={`${id}-text`} className="compose-label">
        Reply to @{to.tweetedby}
      </label>
      <textarea
        ref={box}
        id={`${id}-text`}
        rows={2}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        aria-describedby={`${id}-count`}
        aria-invalid={left < 0 ? true : undefined}
      />
      <div className="compose-footer">
        <p id={`${id}-count`} className={left < 0 ? 'count count-over' : 'count'} aria-live="polite">
          {describeCharactersLeft(left)}
        </p>
        <div className="compose-buttons">
          {onClose && (
            <button type="button" className="button button-quiet" onClick={onClose}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={!canPost}>
            Reply
          </button>
        </div>
      </div>
      {post.isError && (
        <p className="form-error" role="alert">
          Your reply wasn't posted. {failureText}
        </p>
      )}
    </form>
  );
}
