import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';
import { findCachedTweet, patchTweet, withServerState, type Tweet } from './tweet-cache.js';

interface ToggleOptions {
  path: '/api/v2/tweets/{id}/like' | '/api/v2/tweets/{id}/repost';
  /** The tweet as it will be once the toggle succeeds, shown before the API answers. */
  optimistic(tweet: Tweet, on: boolean): Tweet;
  onAnswer?(answer: Tweet, on: boolean): void;
}

export interface Toggle {
  id: string;
  on: boolean;
}

/**
 * A per-tweet on/off switch (like, repost): applied to every cached copy at once, then
 * replaced by the API's answer. Only the latest click on a tweet gets the last word, so
 * quick clicks whose answers cross cannot leave the button in the wrong state.
 */
export function useTweetToggle({ path, optimistic, onAnswer }: ToggleOptions) {
  const api = useApi();
  const queryClient = useQueryClient();
  const latest = useRef(new Map<string, number>());
  return useMutation({
    mutationFn: async ({ id, on }: Toggle) => {
      const params = { params: { path: { id } } };
      const { data, error, response } = on ? await api.POST(path, params) : await api.DELETE(path, params);
      if (error || !data) throw apiError(response, error);
      return data;
    },
    onMutate: ({ id, on }) => {
      const sequence = (latest.current.get(id) ?? 0) + 1;
      latest.current.set(id, sequence);
      const before = findCachedTweet(queryClient, id);
      patchTweet(queryClient, id, (t) => optimistic(t, on));
      return { sequence, before };
    },
    onSuccess: (answer, { id, on }, context) => {
      if (latest.current.get(id) !== context.sequence) return;
      patchTweet(queryClient, id, withServerState(answer));
      onAnswer?.(answer, on);
    },
    onError: (_error, { id }, context) => {
      if (!context || latest.current.get(id) !== context.sequence || !context.before) return;
      // Put back what the API last told us.
      patchTweet(queryClient, id, withServerState(context.before));
    },
  });
}
