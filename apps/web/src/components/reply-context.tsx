import { Link } from 'react-router';
import { ApiError } from '../api/problem.js';
import { useTweet } from '../api/use-thread.js';
import type { Tweet } from '../api/use-tweets.js';

const FIVE_MINUTES = 5 * 60_000;

/**
 * "Replying to @user" above a reply, or "Replying to a deleted tweet" once its parent is
 * gone. Only the API knows whether the parent still exists, so it is looked up (once,
 * cached), unless the caller already knows it (`parent`, as a thread does).
 */
export function ReplyContext({ tweet, parent }: { tweet: Tweet; parent?: Tweet | 'deleted' | undefined }) {
  const lookup = useTweet(parent ? undefined : tweet.in_reply_to_id, { staleTime: FIVE_MINUTES });
  if (!tweet.in_reply_to_id) return null;
  const found = parent ?? lookup.data;
  const gone = parent === 'deleted' || (lookup.error instanceof ApiError && lookup.error.status === 404);
  if (gone) return <p className="tweet-context">Replying to a deleted tweet</p>;
  const username = (found && found !== 'deleted' ? found.tweetedby : undefined) ?? tweet.in_reply_to_username;
  if (!username) return null;
  return (
    <p className="tweet-context">
      Replying to <Link to={`/u/${encodeURIComponent(username)}`}>@{username}</Link>
    </p>
  );
}
