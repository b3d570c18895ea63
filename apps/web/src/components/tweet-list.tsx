import { useMe } from '../api/use-me.js';
import { useTweets, type Tweet, type TweetFilter } from '../api/use-tweets.js';
import { ErrorMessage } from './error-message.js';
import { Loading } from './loading.js';
import { TweetItem } from './tweet-item.js';

/** A timeline, newest first, a page at a time. */
export function TweetList({ filter }: { filter: TweetFilter }) {
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

  // A tweet posted here and then met again on a later page is shown once.
  const tweets = [
    ...new Map<string, Tweet>(timeline.data.pages.flatMap((page) => page.tweets.map((t) => [t.id, t]))).values(),
  ];
  if (tweets.length === 0) return <p className="empty">No tweets yet</p>;

  return (
    <>
      <ol className="tweet-list">
        {tweets.map((tweet) => (
          <li key={tweet.id}>
            <TweetItem tweet={tweet} own={!!me && me.user.id === tweet.author_id} />
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
