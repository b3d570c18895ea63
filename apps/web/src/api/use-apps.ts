import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@starling/sdk';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';

export type AuthorizationRequest = components['schemas']['AuthorizationRequest'];
export type AppAuthorization = components['schemas']['AppAuthorization'];

/** What /oauth/authorize's query asks: the app, where the answer goes, and the scopes. */
export interface OAuthQuery {
  client_id: string;
  redirect_uri: string;
  response_type?: string;
  scope?: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: string;
}

/** The app that asks and the scopes it asks for, checked by identity before anyone sees them. */
export function useAuthorizationRequest(query: OAuthQuery) {
  const api = useApi();
  return useQuery({
    queryKey: ['oauth-request', query.client_id, query.redirect_uri, query.scope ?? '', query.response_type ?? ''],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/v1/oauth/authorize/details', {
        params: {
          query: {
            client_id: query.client_id,
            redirect_uri: query.redirect_uri,
            ...(query.scope ? { scope: query.scope } : {}),
            ...(query.response_type ? { response_type: query.response_type } : {}),
          },
        },
      });
      if (error || !data) throw apiError(response, error);
      return data;
    },
    retry: false,
  });
}

/** The signed-in person's Authorize or Deny: where to go next, or the code to copy. */
export function useDecideAuthorization() {
  const api = useApi();
  return useMutation({
    mutationFn: async ({ query, approve }: { query: OAuthQuery; approve: boolean }) => {
      const { data, error, response } = await api.POST('/oauth/authorize', { body: { ...query, approve } });
      if (error || !data) throw apiError(response, error);
      return data;
    },
  });
}

const authorizationsKey = ['app-authorizations'] as const;

/** The apps the signed-in person has let act for them. */
export function useAppAuthorizations() {
  const api = useApi();
  return useQuery({
    queryKey: authorizationsKey,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/v1/oauth/authorizations');
      if (error || !data) throw apiError(response, error);
      return data.authorizations;
    },
  });
}

/** Revokes an app: its tokens stop working at once. */
export function useRevokeAppAuthorization() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { error, response } = await api.DELETE('/api/v1/oauth/authorizations/{id}', { params: { path: { id } } });
      if (error || !response.ok) throw apiError(response, error);
    },
    onSuccess: (_, id) =>
      queryClient.setQueryData<AppAuthorization[]>(authorizationsKey, (list) => list?.filter((a) => a.id !== id)),
  });
}
