import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';
import type { UserUpdate } from '@starling/sdk';
import { meKey, type Me } from './use-me.js';

export type { UserUpdate };

export interface ProfileChange {
  id: string;
  /** The version the person edited; the API refuses (412) if it is no longer the latest. */
  etag: string | undefined;
  update: UserUpdate;
}

export function useUpdateProfile() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, etag, update }: ProfileChange): Promise<Me> => {
      const { data, error, response } = await api.PUT('/api/v1/users/{id}', {
        params: { path: { id }, header: etag ? { 'If-Match': etag } : {} },
        body: update,
      });
      if (error || !data) throw apiError(response, error);
      return { user: data, etag: response.headers.get('etag') ?? undefined };
    },
    onSuccess: (me) => {
      queryClient.setQueryData<Me | null>(meKey, me);
      // Without a version the next save could not name one: learn it afresh.
      if (!me.etag) void queryClient.invalidateQueries({ queryKey: meKey });
      // The person's page shows the name and bio too.
      void queryClient.invalidateQueries({ queryKey: ['user'] });
      // Cached tweets carry the old display name; refresh them when next shown, not now.
      void queryClient.invalidateQueries({ queryKey: ['tweets'], refetchType: 'none' });
    },
  });
}
