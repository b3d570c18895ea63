import { useQuery } from '@tanstack/react-query';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';
import { threadKey, tweetKey, type Thread, type Tweet } from './tweet-cache.js';

/** One tweet by id; fails with a 404 ApiError once it is deleted (or never was). */
export function useTweet(id: string | undefined, options: { staleTime?: number } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: tweetKey(id ?? ''),
    enabled: !!id,
    ...(options.staleTime !== undefined ? { staleTime: options.staleTime } : {}),
    queryFn: async (): Promise<Tweet> => {
      const { data, error, response } = await api.GET('/api/v2/tweets/{id}', { params: { path: { id: id! } } });
      if (error || !data) throw apiError(response, error);
      return data;
    },
  });
}

/** The conversation around tweet `id`: ancestors root first, descendants depth-first. */
export function useThread(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: threadKey(id),
    queryFn: async (): Promise<Thread> => {
      const { data, error, response } = await api.GET('/api/v2/tweets/{id}/context', { params: { path: { id } } });
      if (error || !data) throw apiError(response, error);
      return { ancestors: data.ancestors, descendants: data.descendants };
    },
  });
}
