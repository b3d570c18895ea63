import type { Ref } from 'react';
import { useToggleLike } from '../api/use-likes.js';
import { useToggleRepost } from '../api/use-reposts.js';
import type { Tweet } from '../api/use-tweets.js';
import { useAppStore } from '../store.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface TweetActionsProps {
  tweet: Tweet;
  own: boolean;
  replying: boolean;
  onReply(): void;
  replyButtonRef?: Ref<HTMLButtonElement>;
}

/** Reply, repost and like, each with its count, and Delete on your own tweet. */
export function TweetActions({ tweet, own, replying, onReply, replyButtonRef }: TweetActionsProps) {
  const like = useToggleLike();
  const repost = useToggleRepost();
  const askToDelete = useAppStore((state) => state.askToDelete);
  const liked = !!tweet.liked;
  const reposted = !!tweet.reposted;
  return (
    <div className="tweet-actions">
      <button
        ref={replyButtonRef}
        type="button"
        className="action"
        aria-label={`Reply, ${count(tweet.reply_count, 'reply', 'replies')}`}
        aria-expanded={replying}
        onClick={onReply}
      >
        <span aria-hidden="true">↩</span> {tweet.reply_count}
      </button>
      <button
        type="button"
        className="action action-repost"
        aria-label={`Repost, ${count(tweet.repost_count, 'repost', 'reposts')}`}
        aria-pressed={reposted}
        onClick={() => repost.mutate({ id: tweet.id, on: !reposted })}
      >
        <span aria-hidden="true">↻</span> {tweet.repost_count}
      </button>
      <button
        type="button"
        className="action action-like"
        aria-label={`Like, ${count(tweet.like_count, 'like', 'likes')}`}
        aria-pressed={liked}
        onClick={() => like.mutate({ id: tweet.id, on: !liked })}
      >
        <span aria-hidden="true">{liked ? '♥' : '♡'}</span> {tweet.like_count}
      </button>
      {own && (
        <button type="button" className="button button-quiet action-delete" onClick={() => askToDelete(tweet)}>
          Delete
        </button>
      )}
      {(like.isError || repost.isError) && (
        <p className="action-error" role="alert">
          {like.isError ? "The like didn't go through." : "The repost didn't go through."} Please try again.
        </p>
      )}
    </div>
  );
}

/** The counts alone, for someone who is not logged in and so cannot act on them. */
export function TweetStats({ tweet }: { tweet: Tweet }) {
  return (
    <p className="tweet-stats">
      {count(tweet.reply_count, 'reply', 'replies')} · {count(tweet.repost_count, 'repost', 'reposts')} ·{' '}
      {count(tweet.like_count, 'like', 'likes')}
    </p>
  );
}
