import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './problem.js';
import { meKey } from './use-me.js';

/** Worth asking again: the network failed or the server did; a 4xx will only say the same. */
function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status >= 500;
}

export function createQueryClient(options: { retryDelay?: number } = {}): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    mutationCache: new MutationCache({
      onError: (error) => {
        // The session ended (expired, or logged out elsewhere): find out, so protected
        // pages send the person to log in instead of failing one action at a time.
        if (error instanceof ApiError && error.status === 401) void queryClient.invalidateQueries({ queryKey: meKey });
      },
    }),
    // Requests go out even when the browser believes it is offline: a failure the person
    // can see and retry beats a request silently paused until the connection returns.
    defaultOptions: {
      queries: {
        networkMode: 'always',
        staleTime: 15_000,
        retry: (failures, error) => failures < 1 && isTransient(error),
        ...(options.retryDelay !== undefined ? { retryDelay: options.retryDelay } : {}),
      },
      mutations: { networkMode: 'always', retry: false },
    },
  });
  return queryClient;
}
