import { useMe } from '../api/use-me.js';
import { entryKey, useTweets, type Tweet, type TweetFilter } from '../api/use-tweets.js';
import { ErrorMessage } from './error-message.js';
import { Loading } from './loading.js';
import { TweetItem } from './tweet-item.js';

/** The entries of a loaded timeline, each once (a tweet posted here may turn up again on a later page). */
export function uniqueEntries(pages: { tweets: Tweet[] }[]): Tweet[] {
  return [...new Map<string, Tweet>(pages.flatMap((page) => page.tweets.map((t) => [entryKey(t), t]))).values()];
}

/** A timeline, newest first, a page at a time. */
export function TweetList({ filter, empty = 'No tweets yet' }: { filter: TweetFilter; empty?: string }) {
  const me = useMe().data;
  const timeline = useTweets(filter);

  if (!timeline.data) {
    if (timeline.isError && !timeline.isFetching) {
      return (
        <ErrorMessage what="Couldn't load tweets." error={timeline.error} onRetry={() => void timeline.refetch()} />
      );
    }
    return <Loading />;
  }

  const tweets = uniqueEntries(timeline.data.pages);
  if (tweets.length === 0) return <p className="empty">{empty}</p>;

  return (
    <>
      <ol className="tweet-list">
        {tweets.map((tweet) => (
          <li key={entryKey(tweet)}>
            <TweetItem tweet={tweet} meId={me?.user.id} />
          </li>
        ))}
      </ol>
      {timeline.isFetchNextPageError ? (
        <ErrorMessage
          what="Couldn't load more tweets."
          error={timeline.error}
          onRetry={() => void timeline.fetchNextPage()}
        />
      ) : (
        timeline.hasNextPage && (
          <button
            type="button"
            className="button load-more"
            disabled={timeline.isFetchingNextPage}
            onClick={() => void timeline.fetchNextPage()}
          >
            {timeline.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        )
      )}
    </>
  );
}
