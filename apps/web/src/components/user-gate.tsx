import type { ReactNode } from 'react';
import { ApiError } from '../api/problem.js';
import type { User } from '../api/use-me.js';
import { useUser } from '../api/use-user.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ErrorMessage } from './error-message.js';
import { Loading } from './loading.js';

function NoSuchUser({ username }: { username: string }) {
  useDocumentTitle(`@${username}`);
  return (
    <>
      <h1>No such user</h1>
      <p>Nobody on Starling goes by @{username}.</p>
    </>
  );
}

/** Looks a person up by username and shows `children(user)`, or why it cannot. */
export function UserGate({ username, children }: { username: string; children: (user: User) => ReactNode }) {
  const user = useUser(username);
  if (user.data) return children(user.data);
  // 400 too: a name the API cannot even look up belongs to nobody.
  if (user.error instanceof ApiError && (user.error.status === 404 || user.error.status === 400)) {
    return <NoSuchUser username={username} />;
  }
  if (user.isError && !user.isFetching) {
    return <ErrorMessage what="Couldn't load this profile." error={user.error} onRetry={() => void user.refetch()} />;
  }
  return <Loading />;
}
