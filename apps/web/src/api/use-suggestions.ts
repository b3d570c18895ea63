import { useQuery } from '@tanstack/react-query';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';
import type { User } from './use-me.js';

export const suggestionsKey = ['suggestions'] as const;

/** "Who to follow" for the signed-in person; only asked for when someone is signed in. */
export function useSuggestions(enabled: boolean, limit = 3) {
  const api = useApi();
  return useQuery({
    queryKey: [...suggestionsKey, limit],
    enabled,
    staleTime: 60_000,
    queryFn: async (): Promise<User[]> => {
      const { data, error, response } = await api.GET('/api/v1/users/suggestions', { params: { query: { limit } } });
      if (error || !data) throw apiError(response, error);
      return data.user_list;
    },
  });
}
