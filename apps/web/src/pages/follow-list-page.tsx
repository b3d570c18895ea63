import { Link, useParams } from 'react-router';
import { useFollowList, type FollowDirection } from '../api/use-follows.js';
import type { User } from '../api/use-me.js';
import { ErrorMessage } from '../components/error-message.js';
import { Loading } from '../components/loading.js';
import { UserGate } from '../components/user-gate.js';
import { UserList } from '../components/user-list.js';
import { useDocumentTitle } from '../lib/use-document-title.js';

function FollowList({ user, direction }: { user: User; direction: FollowDirection }) {
  const list = useFollowList(user.id, direction);
  const title = direction === 'followers' ? `People following @${user.username}` : `People @${user.username} follows`;
  useDocumentTitle(title);
  let content;
  if (!list.data) {
    content =
      list.isError && !list.isFetching ? (
        <ErrorMessage what="Couldn't load this list." error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Loading />
      );
  } else {
    content = (
      <>
        <UserList
          users={list.data.pages.flatMap((page) => page.users)}
          empty={direction === 'followers' ? 'No followers yet' : 'Not following anyone yet'}
        />
        {list.isFetchNextPageError ? (
          <ErrorMessage what="Couldn't load more." error={list.error} onRetry={() => void list.fetchNextPage()} />
        ) : (
          list.hasNextPage && (
            <button
              type="button"
              className="button load-more"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )
        )}
      </>
    );
  }
  return (
    <>
      <p className="back-link">
        <Link to={`/u/${encodeURIComponent(user.username)}`}>← {user.name || user.username}</Link>
      </p>
      <h1>{title}</h1>
      {content}
    </>
  );
}

/** /u/{username}/followers and /u/{username}/following. */
export function FollowListPage({ direction }: { direction: FollowDirection }) {
  const { username = '' } = useParams();
  return (
    <UserGate username={username}>
      {(user) => <FollowList key={direction} user={user} direction={direction} />}
    </UserGate>
  );
}
