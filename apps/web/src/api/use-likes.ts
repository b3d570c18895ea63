import { useTweetToggle } from './tweet-toggle.js';

/** Likes or unlikes a tweet: shown at once everywhere, then corrected by the API's answer. */
export function useToggleLike() {
  return useTweetToggle({
    path: '/api/v2/tweets/{id}/like',
    optimistic: (tweet, on) => ({
      ...tweet,
      liked: on,
      like_count: Math.max(0, tweet.like_count + (on === !!tweet.liked ? 0 : on ? 1 : -1)),
    }),
  });
}
