import { refuse, type Aggregate, type Caller } from '@starling/kit';
import { newEvent, TweetDeleted, TweetPosted, payloadOf } from '@starling/events';

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
 * A body of nothing but whitespace and invisible characters is as blank as an empty one;
 * a tweet with media may be blank (it is stored empty).
 */
export function tweetBody(raw: string, hasMedia = false): string | undefined {
  const body = raw.trim();
  const length = [...body].length;
  const visible = body.replace(INVISIBLE, '').trim();
  if (visible.length === 0 && hasMedia) return '';
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

/** A tweet that can be acted on: posted and not deleted. */
export function mustBeLive(state: TweetState, id: string): void {
  if (!state.exists || state.deleted) throw refuse.notFound(`There is no tweet ${id}.`);
}

/** Its author may delete a tweet, and so may an admin; the event says which. */
export function decideDeletion(state: TweetState, id: string, caller: Pick<Caller, 'userId' | 'role'>) {
  mustBeLive(state, id);
  const isAuthor = state.authorId === caller.userId;
  if (!isAuthor && caller.role !== 'admin') throw refuse.forbidden('Only its author may delete a tweet.');
  return newEvent(TweetDeleted, { tweet_id: id, author_id: state.authorId, reason: isAuthor ? 'author' : 'admin' });
}

/** A reply names a live tweet, and records its author so no other service need look it up. */
export function replyTo(parent: TweetState, parentId: string) {
  if (!parent.exists || parent.deleted) {
    throw refuse.invalid([{ field: 'in_reply_to_id', reason: 'must be a tweet that exists and is not deleted' }]);
  }
  return { in_reply_to_id: parentId, in_reply_to_author_id: parent.authorId };
}
