import { Link } from 'react-router';
import type { Tweet } from '../api/use-tweets.js';
import { useAppStore } from '../store.js';
import { RelativeTime } from './relative-time.js';

export function TweetItem({ tweet, own }: { tweet: Tweet; own: boolean }) {
  const askToDelete = useAppStore((state) => state.askToDelete);
  return (
    <article className="tweet">
      <div className="tweet-meta">
        <span className="tweet-author">{tweet.author_name || tweet.tweetedby}</span>{' '}
        <Link className="tweet-username" to={`/u/${encodeURIComponent(tweet.tweetedby)}`}>
          @{tweet.tweetedby}
        </Link>
        <span aria-hidden="true"> · </span>
        <RelativeTime iso={tweet.timestamp} />
      </div>
      {/* Rendered as text: a body is whatever someone typed, markup included. */}
      <p className="tweet-body">{tweet.body}</p>
      {own && (
        <div className="tweet-actions">
          <button type="button" className="button button-quiet" onClick={() => askToDelete(tweet)}>
            Delete
          </button>
        </div>
      )}
    </article>
  );
}
