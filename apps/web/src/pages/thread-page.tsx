import { useParams } from 'react-router';
import { ApiError } from '../api/problem.js';
import { useMe } from '../api/use-me.js';
import { useThread, useTweet } from '../api/use-thread.js';
import type { Tweet } from '../api/use-tweets.js';
import { ErrorMessage } from '../components/error-message.js';
import { Loading } from '../components/loading.js';
import { ReplyBox } from '../components/reply-box.js';
import { TweetItem } from '../components/tweet-item.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

const MAX_INDENT = 5;

/** How deep each descendant sits below the tweet (its direct replies are 1), from in_reply_to_id. */
export function depths(rootId: string, descendants: Tweet[]): Map<string, number> {
  const depth = new Map<string, number>([[rootId, 0]]);
  // Descendants come depth-first, so a reply's parent is always placed before it.
  for (const tweet of descendants) {
    const parent = tweet.in_reply_to_id ? depth.get(tweet.in_reply_to_id) : undefined;
    depth.set(tweet.id, (parent ?? 0) + 1);
  }
  return depth;
}

/** /t/{id}: the tweet in its conversation, what it replies to above it, the replies below, and a reply box. */
export function ThreadPage() {
  const { id = '' } = useParams();
  const me = useMe().data;
  const tweet = useTweet(id);
  const thread = useThread(id);
  useDocumentTitle(tweet.data ? `${tweet.data.author_name || tweet.data.tweetedby}: ${tweet.data.body}` : 'Tweet');

  const missing = [tweet.error, thread.error].some((e) => e instanceof ApiError && e.status === 404);
  if (missing) {
    return (
      <>
        <h1>Tweet not found</h1>
        <p>This tweet doesn't exist, or it was deleted.</p>
      </>
    );
  }
  if (!tweet.data || !thread.data) {
    const failed = tweet.isError ? tweet : thread.isError ? thread : null;
    if (failed && !failed.isFetching) {
      return (
        <ErrorMessage what="Couldn't load this tweet." error={failed.error} onRetry={() => void failed.refetch()} />
      );
    }
    return <Loading />;
  }

  const main = tweet.data;
  const { ancestors, descendants } = thread.data;
  const known = new Map<string, Tweet>([...ancestors, main, ...descendants].map((t) => [t.id, t]));
  // The walk up stops at a deleted tweet: a reply whose parent is not in the thread replies to one.
  const parentOf = (t: Tweet, isTop: boolean): Tweet | 'deleted' | undefined =>
    t.in_reply_to_id ? (known.get(t.in_reply_to_id) ?? (isTop ? 'deleted' : undefined)) : undefined;
  const depth = depths(main.id, descendants);
  const meId = me?.user.id;

  return (
    <>
      <h1>Tweet</h1>
      {ancestors.length > 0 && (
        <ol className="tweet-list thread-ancestors" aria-label="Earlier in the conversation">
          {ancestors.map((t, i) => (
            <li key={t.id}>
              <TweetItem tweet={t} meId={meId} parent={parentOf(t, i === 0)} />
            </li>
          ))}
        </ol>
      )}
      <TweetItem tweet={main} meId={meId} current parent={parentOf(main, ancestors.length === 0)} />
      {me && <ReplyBox to={main} />}
      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading">Replies</h2>
        {descendants.length === 0 ? (
          <p className="empty">No replies yet</p>
        ) : (
          <ol className="tweet-list thread-replies">
            {descendants.map((t) => (
              <li key={t.id} className={`depth-${Math.min(depth.get(t.id) ?? 1, MAX_INDENT)}`}>
                <TweetItem tweet={t} meId={meId} parent={parentOf(t, false)} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
