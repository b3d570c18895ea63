import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { nextCursor } from '../lib/link-header.js';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';
import type { components } from './schema.js';

export type Tweet = components['schemas']['Tweet'];

/** Which tweets a timeline shows: everyone's, or one person's. */
export interface TweetFilter {
  tweetedby?: string;
}

export interface TweetPage {
  tweets: Tweet[];
  nextCursor: string | undefined;
}

type Timeline = InfiniteData<TweetPage, string | undefined>;

export const PAGE_SIZE = 20;
export const tweetsKey = (filter: TweetFilter) => ['tweets', filter] as const;

export function useTweets(filter: TweetFilter) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: tweetsKey(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }): Promise<TweetPage> => {
      const query = {
        limit: PAGE_SIZE,
        ...(pageParam ? { cursor: pageParam } : {}),
        ...(filter.tweetedby ? { tweetedby: filter.tweetedby } : {}),
      };
      const { data, error, response } = await api.GET('/api/v2/tweets', { params: { query } });
      if (error || !data) throw apiError(response, error);
      return { tweets: data.tweets_list, nextCursor: nextCursor(response.headers.get('link')) };
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Applies `change` to every cached timeline whose filter `applies`. */
function updateTimelines(
  queryClient: QueryClient,
  applies: (filter: TweetFilter) => boolean,
  change: (timeline: Timeline) => Timeline,
): void {
  for (const [key, timeline] of queryClient.getQueriesData<Timeline>({ queryKey: ['tweets'] })) {
    const filter = (key[1] ?? {}) as TweetFilter;
    if (timeline && applies(filter)) queryClient.setQueryData<Timeline>(key, change(timeline));
  }
}

/**
 * Posts a tweet and puts the API's answer at the top of the timelines it belongs in.
 * The timelines are not refetched: the new tweet is already known, and a refetch
 * would throw away the pages the person has loaded.
 */
export function usePostTweet() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: string) => {
      const { data, error, response } = await api.POST('/api/v2/tweets', { body: { body } });
      if (error || !data) throw apiError(response, error);
      return data;
    },
    onSuccess: (tweet) => {
      updateTimelines(
        queryClient,
        (filter) => !filter.tweetedby || filter.tweetedby.toLowerCase() === tweet.tweetedby.toLowerCase(),
        (timeline) => {
          const [first, ...rest] = timeline.pages;
          if (!first || first.tweets.some((t) => t.id === tweet.id)) return timeline;
          return { ...timeline, pages: [{ ...first, tweets: [tweet, ...first.tweets] }, ...rest] };
        },
      );
    },
  });
}

export function useDeleteTweet() {
  const api = useApi();
  const queryClient = useQueryClient();
  const forget = (id: string) =>
    updateTimelines(
      queryClient,
      () => true,
      (timeline) => ({
        ...timeline,
        pages: timeline.pages.map((page) => ({ ...page, tweets: page.tweets.filter((t) => t.id !== id) })),
      }),
    );
  return useMutation({
    mutationFn: async (id: string) => {
      const { error, response } = await api.DELETE('/api/v2/tweets/{id}', { params: { path: { id } } });
      // Already gone is what the person wanted.
      if (!response.ok && response.status !== 404) throw apiError(response, error);
      return id;
    },
    onSuccess: forget,
  });
}
