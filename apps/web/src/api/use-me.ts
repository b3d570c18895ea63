import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from './client.js';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';
import type { User } from '@starling/sdk';

export type { User };

/** The signed-in user and the version of their profile that a change must name in If-Match. */
export interface Me {
  user: User;
  etag: string | undefined;
}

export const meKey = ['me'] as const;

/** Who is signed in: a Me, or null when nobody is (the API answered 401). */
export const meQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      const { data, error, response } = await api.GET('/api/v1/auth/me');
      if (response.status === 401) return null;
      if (error || !data) throw apiError(response, error);
      return { user: data, etag: response.headers.get('etag') ?? undefined };
    },
  });

export function useMe() {
  return useQuery(meQuery(useApi()));
}
