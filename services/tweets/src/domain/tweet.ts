import type { Aggregate } from '@starling/kit';
import { TweetDeleted, TweetPosted, payloadOf } from '@starling/events';

export interface TweetState {
  exists: boolean;
  deleted: boolean;
  authorId: string;
}

export const tweetStream = (id: string) => `tweet-${id}`;

export const MAX_TWEET_LENGTH = 280;

/** Control and format characters (zero-width spaces and joiners, direction marks…): they show nothing. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/**
 * The body as stored: trimmed, and 1–280 characters (code points, so an emoji is one).
 * A body of nothing but whitespace and invisible characters is as blank as an empty one.
 */
export function tweetBody(raw: string): string | undefined {
  const body = raw.trim();
  const length = [...body].length;
  const visible = body.replace(INVISIBLE, '').trim();
  return visible.length >= 1 && length <= MAX_TWEET_LENGTH ? body : undefined;
}

export const tweet: Aggregate<TweetState> = {
  initial: { exists: false, deleted: false, authorId: '' },
  evolve(state, event) {
    switch (event.type) {
      case TweetPosted.type:
        return { ...state, exists: true, authorId: payloadOf(TweetPosted, event).author_id };
      case TweetDeleted.type:
        return { ...state, deleted: true };
      default:
        return state;
    }
  },
};
