import { useInfiniteQuery } from '@tanstack/react-query';
import { nextCursor } from '../lib/link-header.js';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';

export type SearchType = 'tweets' | 'users';
/** A person in search results. */
export interface UserSummary {
  id: string;
  username: string;
  name: string;
  bio?: string;
}

/** People matching `q`, best match first. (Tweets are a timeline: useTweets({ search: q }).) */
export function useUserSearch(q: string, enabled: boolean) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: ['search', 'users', q],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const query = { q, type: 'users' as const, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) };
      const { data, error, response } = await api.GET('/api/v2/search', { params: { query } });
      if (error || !data) throw apiError(response, error);
      const users = 'user_list' in data ? (data.user_list ?? []) : [];
      return { users: users as UserSummary[], nextCursor: nextCursor(response.headers.get('link')) };
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}
