import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';
import { patchTweet, withAttachments, type Tweet } from './tweet-cache.js';

/** How often a picture the server is still converting is asked about, at first. */
export const MEDIA_POLL_MS = 1000;

/** Asks every second at first, then less often, for a server that takes its time. */
function pollDelay(polls: number): number {
  return Math.min(MEDIA_POLL_MS * 2 ** Math.floor(polls / 10), 30_000);
}

/**
 * While any of a shown tweet's pictures is still processing, refetches the tweet now and
 * then and puts its pictures on every cached copy, so the grid fills in without a reload.
 * Every copy of one tweet shares the one query, and it stops once none is processing.
 */
export function useSettlingMedia(tweet: Tweet): void {
  const api = useApi();
  const queryClient = useQueryClient();
  const processing = (tweet.media_attachments ?? []).some((m) => m.state === 'processing');
  useQuery({
    queryKey: ['tweet-media', tweet.id],
    enabled: processing,
    staleTime: 0,
    gcTime: 0,
    refetchInterval: (query) => (query.state.status === 'error' ? false : pollDelay(query.state.dataUpdateCount)),
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/v2/tweets/{id}', { params: { path: { id: tweet.id } } });
      if (error || !data) throw apiError(response, error);
      patchTweet(queryClient, tweet.id, withAttachments(data));
      return data.media_attachments;
    },
  });
}
