import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@starling/sdk';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';

export type LoginProvider = components['schemas']['LoginProvider'];
export type SignInMethods = components['schemas']['SignInMethods'];

/** Where the browser goes to sign in with a provider (or, with `link`, to link it to the signed-in account). */
export const externalSignInUrl = (provider: string, link = false) =>
  `/api/v1/auth/oidc/${encodeURIComponent(provider)}${link ? '?link=true' : ''}`;

/** The providers Starling is configured to sign in with; none when the list cannot be had. */
export function useLoginProviders() {
  const api = useApi();
  return useQuery({
    queryKey: ['login-providers'],
    queryFn: async (): Promise<LoginProvider[]> => {
      const { data, response } = await api.GET('/api/v1/auth/providers');
      return response.ok && data ? data : [];
    },
    staleTime: Infinity,
  });
}

const methodsKey = ['sign-in-methods'] as const;

/** The signed-in person's password (whether there is one) and linked identities. */
export function useSignInMethods() {
  const api = useApi();
  return useQuery({
    queryKey: methodsKey,
    queryFn: async (): Promise<SignInMethods> => {
      const { data, error, response } = await api.GET('/api/v1/auth/identities');
      if (error || !data) throw apiError(response, error);
      return data;
    },
  });
}

export function useUnlinkIdentity() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { error, response } = await api.DELETE('/api/v1/auth/identities/{id}', { params: { path: { id } } });
      if (!response.ok) throw apiError(response, error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: methodsKey }),
  });
}
