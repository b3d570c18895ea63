import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { nextCursor } from '../lib/link-header.js';
import type { ApiClient } from './client.js';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';
import {
  forgetTweet,
  isHome,
  patchTweet,
  prepend,
  threadKey,
  tweetsKey,
  updateTimelines,
  type Tweet,
  type TweetFilter,
  type TweetPage,
} from './tweet-cache.js';

export { HOME, entryKey, tweetsKey, type Tweet, type TweetFilter, type TweetPage } from './tweet-cache.js';

export const PAGE_SIZE = 20;

/** One page of the timeline `filter` names, from whichever endpoint serves it. */
async function fetchPage(api: ApiClient, filter: TweetFilter, cursor: string | undefined): Promise<TweetPage> {
  const paging = { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
  const { data, error, response } =
    'home' in filter
      ? await api.GET('/api/v2/timelines/home', { params: { query: paging } })
      : 'tag' in filter
        ? await api.GET('/api/v2/timelines/tag/{tag}', { params: { path: { tag: filter.tag }, query: paging } })
        : 'search' in filter
          ? await api.GET('/api/v2/search', { params: { query: { ...paging, q: filter.search, type: 'tweets' } } })
          : await api.GET('/api/v2/tweets', { params: { query: { ...paging, tweetedby: filter.tweetedby } } });
  if (error || !data) throw apiError(response, error);
  const tweets = 'tweets_list' in data ? (data.tweets_list ?? []) : [];
  return { tweets, nextCursor: nextCursor(response.headers.get('link')) };
}

export function useTweets(filter: TweetFilter, options: { enabled?: boolean } = {}) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: tweetsKey(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(api, filter, pageParam),
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    enabled: options.enabled ?? true,
  });
}

/** Whether a new tweet belongs at the top of a cached timeline. */
function belongsIn(tweet: Tweet, filter: TweetFilter): boolean {
  if (isHome(filter)) return true;
  if ('tweetedby' in filter) return filter.tweetedby.toLowerCase() === tweet.tweetedby.toLowerCase();
  if ('tag' in filter) {
    const tag = filter.tag.normalize('NFC').toLowerCase();
    return tweet.entities.hashtags.some((h) => h.tag.normalize('NFC').toLowerCase() === tag);
  }
  return false;
}

export interface NewTweet {
  /** May be empty when the tweet has pictures. */
  body: string;
  /** Uploaded pictures to attach, in order. */
  media_ids?: string[];
  /** Set on a reply: the tweet it answers. */
  in_reply_to_id?: string;
}

/**
 * Posts a tweet (or a reply) and puts the API's answer at the top of the timelines it
 * belongs in. The timelines are not refetched: the new tweet is already known, and a
 * refetch would throw away the pages the person has loaded.
 */
export function usePostTweet() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (tweet: NewTweet) => {
      const { data, error, response } = await api.POST('/api/v2/tweets', { body: tweet });
      if (error || !data) throw apiError(response, error);
      return data;
    },
    onSuccess: (tweet) => {
      updateTimelines(
        queryClient,
        (filter) => belongsIn(tweet, filter),
        (timeline) => prepend(timeline, [tweet]),
      );
      if (tweet.in_reply_to_id) {
        patchTweet(queryClient, tweet.in_reply_to_id, (t) => ({ ...t, reply_count: t.reply_count + 1 }));
        // Threads place a reply by conversation order, which the API knows best.
        void queryClient.invalidateQueries({ queryKey: threadKey(tweet.in_reply_to_id).slice(0, 1) });
      }
    },
  });
}

export function useDeleteTweet() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { error, response } = await api.DELETE('/api/v2/tweets/{id}', { params: { path: { id } } });
      // Already gone is what the person wanted.
      if (!response.ok && response.status !== 404) throw apiError(response, error);
      return id;
    },
    onSuccess: (id) => forgetTweet(queryClient, id),
  });
}
