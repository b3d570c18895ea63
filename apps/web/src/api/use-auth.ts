import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';
import type { NewUser } from '@starling/sdk';
import { meKey, meQuery } from './use-me.js';

export type { NewUser };

export interface Credentials {
  username: string;
  password: string;
}

/** Logs in (the API sets the session cookie) and then learns who that is. */
export function useLogin() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: Credentials) => {
      const { error, response } = await api.POST('/api/v1/auth/login', { body: credentials });
      if (!response.ok) throw apiError(response, error);
      // Anything cached belonged to whoever was signed in before.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      await queryClient.fetchQuery({ ...meQuery(api), staleTime: 0 });
    },
  });
}

export function useSignUp() {
  const api = useApi();
  return useMutation({
    mutationFn: async (newUser: NewUser) => {
      const { data, error, response } = await api.POST('/api/v1/users', { body: newUser });
      if (error || !data) throw apiError(response, error);
      return data;
    },
  });
}

export function useLogout() {
  const api = useApi();
  return useMutation({
    mutationFn: async () => {
      const { error, response } = await api.POST('/api/v1/auth/logout');
      // A 401 means the session had already ended: the person is logged out either way.
      if (!response.ok && response.status !== 401) throw apiError(response, error);
    },
  });
}

/** Drops everything cached for the person who just logged out. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
  queryClient.setQueryData(meKey, null);
}
