import { useQuery } from '@tanstack/react-query';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';
import type { User } from './use-me.js';

export const userKey = (username: string) => ['user', username.toLowerCase()] as const;

/** A person's public profile by username; fails with a 404 ApiError when nobody has it. */
export function useUser(username: string) {
  const api = useApi();
  return useQuery({
    queryKey: userKey(username),
    queryFn: async (): Promise<User> => {
      const { data, error, response } = await api.GET('/api/v1/users/lookup', {
        params: { query: { username } },
      });
      if (error || !data) throw apiError(response, error);
      return data;
    },
  });
}
