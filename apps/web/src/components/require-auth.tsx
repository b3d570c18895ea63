import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe, type Me } from '../api/use-me.js';
import { ErrorMessage } from './error-message.js';
import { Loading } from './loading.js';

/** Shows `children(me)` to a signed-in person; sends anyone else to log in, and back here after. */
export function RequireAuth({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.data === null) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (me.data) return children(me.data);
  if (me.isError && !me.isFetching) {
    return <ErrorMessage what="Couldn't check who is logged in." error={me.error} onRetry={() => void me.refetch()} />;
  }
  return <Loading />;
}
