import { Link, useSearchParams } from 'react-router';
import { useUserSearch, type SearchType } from '../api/use-search.js';
import { ErrorMessage } from '../components/error-message.js';
import { Loading } from '../components/loading.js';
import { TweetList } from '../components/tweet-list.js';
import { UserList } from '../components/user-list.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

/** The API takes 1 to 200 characters once trimmed. */
const MAX_QUERY_LENGTH = 200;

const TABS: { type: SearchType; label: string }[] = [
  { type: 'tweets', label: 'Tweets' },
  { type: 'users', label: 'People' },
];

function PeopleResults({ q }: { q: string }) {
  const results = useUserSearch(q, true);
  if (!results.data) {
    if (results.isError && !results.isFetching) {
      return <ErrorMessage what="Couldn't search." error={results.error} onRetry={() => void results.refetch()} />;
    }
    return <Loading />;
  }
  return (
    <>
      <UserList users={results.data.pages.flatMap((page) => page.users)} empty={`Nobody matches “${q}”`} />
      {results.hasNextPage && (
        <button
          type="button"
          className="button load-more"
          disabled={results.isFetchingNextPage}
          onClick={() => void results.fetchNextPage()}
        >
          {results.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </>
  );
}

/** /search?q=&type=tweets|users: what the header's search box found, as tweets or as people. */
export function SearchPage() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const type: SearchType = params.get('type') === 'users' ? 'users' : 'tweets';
  useDocumentTitle(q ? `Search: ${q}` : 'Search');

  return (
    <>
      <h1>{q ? `Search results for “${q}”` : 'Search'}</h1>
      {!q ? (
        <p>Type what you are looking for in the search box at the top (press / to get there).</p>
      ) : [...q].length > MAX_QUERY_LENGTH ? (
        <p role="alert">Search for at most {MAX_QUERY_LENGTH} characters.</p>
      ) : (
        <>
          <nav aria-label="Search results" className="tabs">
            <ul>
              {TABS.map((tab) => (
                <li key={tab.type}>
                  <Link
                    to={`/search?${new URLSearchParams({ q, type: tab.type })}`}
                    aria-current={tab.type === type ? 'page' : undefined}
                    className="tab"
                  >
                    {tab.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {type === 'tweets' ? (
            <TweetList key={q} filter={{ search: q }} empty={`No tweets match “${q}”`} />
          ) : (
            <PeopleResults key={q} q={q} />
          )}
        </>
      )}
    </>
  );
}
