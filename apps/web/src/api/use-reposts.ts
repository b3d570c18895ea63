import { useQueryClient } from '@tanstack/react-query';
import { isHome, prepend, removeEntries, updateTimelines, type Tweet } from './tweet-cache.js';
import { useMe } from './use-me.js';
import { useTweetToggle } from './tweet-toggle.js';

/**
 * Reposts or stops reposting a tweet: the button and count change at once, and the
 * caller's own home timeline gains (or loses) the repost, as the stream would tell later.
 */
export function useToggleRepost() {
  const queryClient = useQueryClient();
  const me = useMe().data?.user;
  return useTweetToggle({
    path: '/api/v2/tweets/{id}/repost',
    optimistic: (tweet, on) => ({
      ...tweet,
      reposted: on,
      repost_count: Math.max(0, tweet.repost_count + (on === !!tweet.reposted ? 0 : on ? 1 : -1)),
    }),
    onAnswer: (answer: Tweet, on: boolean) => {
      if (!me) return;
      const mine = (t: Tweet) => t.id === answer.id && t.reposted_by?.id === me.id;
      updateTimelines(queryClient, isHome, (timeline) =>
        on
          ? prepend(timeline, [{ ...answer, reposted_by: { id: me.id, username: me.username, name: me.name } }])
          : removeEntries(timeline, mine),
      );
    },
  });
}
