import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import {
  entryKey,
  forgetTweet,
  HOME,
  patchTweet,
  prepend,
  tweetsKey,
  withAttachments,
  type Timeline,
  type Tweet,
} from './tweet-cache.js';

/** Same origin, so the session cookie goes with it. */
export const HOME_STREAM_URL = '/api/v2/streaming/home';

function parse<T>(data: unknown): T | undefined {
  try {
    return typeof data === 'string' ? (JSON.parse(data) as T) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Listens to the home timeline's event stream while mounted. New entries wait in
 * `arrived` (newest first) until the person asks to see them (`showArrived`), so the
 * timeline never jumps under their eyes. Deletions apply at once, and so do updates
 * (`event: update`: a tweet's pictures finished processing), to every copy of the tweet
 * shown or waiting. Reconnecting is EventSource's own job, and it resumes from the
 * last event id it saw.
 */
export function useHomeStream(enabled: boolean) {
  const queryClient = useQueryClient();
  const [arrived, setArrived] = useState<Tweet[]>([]);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(HOME_STREAM_URL);
    const onTweet = (event: MessageEvent) => {
      const tweet = parse<Tweet>(event.data);
      if (!tweet?.id) return;
      // The event carries the tweet as it is now: pictures that were processing when it
      // was posted (and shown) may be ready.
      patchTweet(queryClient, tweet.id, withAttachments(tweet));
      setArrived((current) => (current.some((t) => entryKey(t) === entryKey(tweet)) ? current : [tweet, ...current]));
    };
    const onDelete = (event: MessageEvent) => {
      const id = parse<{ id?: string }>(event.data)?.id;
      if (!id) return;
      setArrived((current) => current.filter((t) => t.id !== id));
      forgetTweet(queryClient, id);
    };
    const onUpdate = (event: MessageEvent) => {
      const tweet = parse<Tweet>(event.data);
      if (!tweet?.id) return;
      patchTweet(queryClient, tweet.id, withAttachments(tweet));
      setArrived((current) => current.map((t) => (t.id === tweet.id ? withAttachments(tweet)(t) : t)));
    };
    source.addEventListener('tweet', onTweet);
    source.addEventListener('update', onUpdate);
    source.addEventListener('delete', onDelete);
    return () => {
      source.removeEventListener('tweet', onTweet);
      source.removeEventListener('update', onUpdate);
      source.removeEventListener('delete', onDelete);
      source.close();
    };
  }, [enabled, queryClient]);

  /** Puts the waiting entries at the top of the loaded timeline (keeping every loaded page). */
  const showArrived = useCallback(
    (entries: Tweet[]) => {
      queryClient.setQueryData<Timeline>(tweetsKey(HOME), (timeline) => timeline && prepend(timeline, entries));
      setArrived([]);
    },
    [queryClient],
  );

  return { arrived, showArrived };
}
