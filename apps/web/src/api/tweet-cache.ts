import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { MediaAttachment, Tweet } from '@starling/sdk';

export type { MediaAttachment, Tweet };

/** One page of a timeline, and the cursor of the next (undefined on the last page). */
export interface TweetPage {
  tweets: Tweet[];
  nextCursor: string | undefined;
}

export type Timeline = InfiniteData<TweetPage, string | undefined>;

/** A thread as /t/{id} shows it: the tweet's ancestors (root first) and its descendants. */
export interface Thread {
  ancestors: Tweet[];
  descendants: Tweet[];
}

/** Which tweets a timeline shows; each is cached under ['tweets', filter]. */
export type TweetFilter = { home: true } | { tweetedby: string } | { tag: string } | { search: string };

export const tweetsKey = (filter: TweetFilter) => ['tweets', filter] as const;
export const tweetKey = (id: string) => ['tweet', id] as const;
export const threadKey = (id: string) => ['thread', id] as const;
export const HOME: TweetFilter = { home: true };

/**
 * A timeline entry's identity: a tweet, or one person's repost of it (the same tweet
 * reposted by two people is two entries).
 */
export function entryKey(tweet: Tweet): string {
  return tweet.reposted_by ? `${tweet.id}/reposted-by/${tweet.reposted_by.id}` : tweet.id;
}

export function isHome(filter: TweetFilter): boolean {
  return 'home' in filter;
}

/** Applies `change` to every cached timeline whose filter `applies`. */
export function updateTimelines(
  queryClient: QueryClient,
  applies: (filter: TweetFilter) => boolean,
  change: (timeline: Timeline) => Timeline,
): void {
  for (const [key, timeline] of queryClient.getQueriesData<Timeline>({ queryKey: ['tweets'] })) {
    const filter = key[1] as TweetFilter | undefined;
    if (timeline && filter && applies(filter)) queryClient.setQueryData<Timeline>(key, change(timeline));
  }
}

/** Puts entries at the top of a timeline's first page, skipping any it already holds. */
export function prepend(timeline: Timeline, entries: Tweet[]): Timeline {
  const shown = new Set(timeline.pages.flatMap((page) => page.tweets.map(entryKey)));
  const fresh = entries.filter((t) => !shown.has(entryKey(t)));
  const [first, ...rest] = timeline.pages;
  if (!first || fresh.length === 0) return timeline;
  return { ...timeline, pages: [{ ...first, tweets: [...fresh, ...first.tweets] }, ...rest] };
}

export function removeEntries(timeline: Timeline, drop: (tweet: Tweet) => boolean): Timeline {
  return {
    ...timeline,
    pages: timeline.pages.map((page) => ({ ...page, tweets: page.tweets.filter((t) => !drop(t)) })),
  };
}

/**
 * Rewrites every cached copy of tweet `id` (in timelines, as reposts too, in threads and
 * on its own), so a like or a count change shows wherever the tweet does.
 */
export function patchTweet(queryClient: QueryClient, id: string, patch: (tweet: Tweet) => Tweet): void {
  const apply = (t: Tweet) => (t.id === id ? patch(t) : t);
  updateTimelines(
    queryClient,
    () => true,
    (timeline) => ({ ...timeline, pages: timeline.pages.map((page) => ({ ...page, tweets: page.tweets.map(apply) })) }),
  );
  for (const [key, thread] of queryClient.getQueriesData<Thread>({ queryKey: ['thread'] })) {
    if (thread) {
      queryClient.setQueryData<Thread>(key, {
        ancestors: thread.ancestors.map(apply),
        descendants: thread.descendants.map(apply),
      });
    }
  }
  const single = queryClient.getQueryData<Tweet>(tweetKey(id));
  if (single) queryClient.setQueryData<Tweet>(tweetKey(id), patch(single));
}

/**
 * A tweet's pictures as `fresh` says, except that a picture already known to be ready or
 * failed never goes back to processing (an older answer arriving late).
 */
export function newerAttachments(known: MediaAttachment[] = [], fresh: MediaAttachment[] = []): MediaAttachment[] {
  return fresh.map((media) => {
    const before = known.find((m) => m.id === media.id);
    return media.state === 'processing' && before && before.state !== 'processing' ? before : media;
  });
}

/** Puts the pictures of the API's `answer` on a cached copy. */
export function withAttachments(answer: Tweet): (tweet: Tweet) => Tweet {
  return (tweet) => ({
    ...tweet,
    media_attachments: newerAttachments(tweet.media_attachments, answer.media_attachments),
  });
}

/**
 * The counts, the caller's own marks and the pictures' progress from the API's answer,
 * kept on every copy (reposts keep their `reposted_by`).
 */
export function withServerState(answer: Tweet): (tweet: Tweet) => Tweet {
  return (tweet) => ({
    ...withAttachments(answer)(tweet),
    like_count: answer.like_count,
    repost_count: answer.repost_count,
    reply_count: answer.reply_count,
    ...(answer.liked !== undefined ? { liked: answer.liked } : {}),
    ...(answer.reposted !== undefined ? { reposted: answer.reposted } : {}),
  });
}

/** A cached copy of tweet `id`, wherever one is. */
export function findCachedTweet(queryClient: QueryClient, id: string): Tweet | undefined {
  const single = queryClient.getQueryData<Tweet>(tweetKey(id));
  if (single) return single;
  for (const [, timeline] of queryClient.getQueriesData<Timeline>({ queryKey: ['tweets'] })) {
    const found = timeline?.pages.flatMap((page) => page.tweets).find((t) => t.id === id);
    if (found) return found;
  }
  for (const [, thread] of queryClient.getQueriesData<Thread>({ queryKey: ['thread'] })) {
    const found = thread && [...thread.ancestors, ...thread.descendants].find((t) => t.id === id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Forgets a deleted tweet everywhere it is cached, and counts it out of its parent's
 * replies. Its own replies stay: they are tweets of their own.
 */
export function forgetTweet(queryClient: QueryClient, id: string): void {
  const parentId = findCachedTweet(queryClient, id)?.in_reply_to_id;
  if (parentId) patchTweet(queryClient, parentId, (t) => ({ ...t, reply_count: Math.max(0, t.reply_count - 1) }));
  updateTimelines(
    queryClient,
    () => true,
    (timeline) => removeEntries(timeline, (t) => t.id === id),
  );
  for (const [key, thread] of queryClient.getQueriesData<Thread>({ queryKey: ['thread'] })) {
    if (thread) {
      queryClient.setQueryData<Thread>(key, {
        ancestors: thread.ancestors.filter((t) => t.id !== id),
        descendants: thread.descendants.filter((t) => t.id !== id),
      });
    }
  }
  // Whoever shows it on its own (a thread, "Replying to…") learns it is gone.
  void queryClient.invalidateQueries({ queryKey: tweetKey(id), exact: true });
}
