import { appendToStream, loadAggregate, newId, refuse, type Caller, type Db } from '@starling/kit';
import { newEvent, parseEntities, TweetPosted } from '@starling/events';
import { MAX_TWEET_LENGTH, replyTo, tweet, tweetBody, tweetStream } from '../domain/tweet.js';
import { tweetRowOf, type TweetRow } from '../read-models.js';

export interface NewTweet {
  body?: string | undefined;
  media_ids?: string[] | undefined;
  username?: string | undefined;
  in_reply_to_id?: string | undefined;
}

/**
 * Posts as the caller. A `username` naming anyone else is refused, never trusted. A
 * reply names a live tweet, checked in its log (not the read model) in the same
 * transaction; the event records the parent's author so other services need not look it
 * up. Entities are parsed once, here, and travel with the event. Media is checked by
 * `attachable` (the caller's own, not failed) and named in the event, in order; the
 * media service attaches it from there.
 */
export async function postTweet(
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  attachable: (mediaIds: readonly string[]) => Promise<void>,
  caller: Caller,
  input: NewTweet,
  requestId: string,
): Promise<TweetRow> {
  if (input.username !== undefined && input.username.toLowerCase() !== caller.username.toLowerCase()) {
    throw refuse.forbidden('You can only post as yourself.');
  }
  const mediaIds = input.media_ids ?? [];
  const body = tweetBody(input.body ?? '', mediaIds.length > 0);
  if (body === undefined) {
    throw refuse.invalid([
      {
        field: 'body',
        reason: `must be 1 to ${MAX_TWEET_LENGTH} characters after trimming whitespace (or empty with media)`,
      },
    ]);
  }
  await attachable(mediaIds);
  const id = newId();
  const { events } = await write(async (trx) => {
    let reply: { in_reply_to_id: string; in_reply_to_author_id: string } | undefined;
    if (input.in_reply_to_id !== undefined) {
      const parent = await loadAggregate(trx, tweetStream(input.in_reply_to_id), tweet);
      reply = replyTo(parent.state, input.in_reply_to_id);
    }
    return appendToStream(trx, tweetStream(id), 0, [
      {
        ...newEvent(TweetPosted, {
          tweet_id: id,
          author_id: caller.userId,
          author_username: caller.username,
          body,
          entities: parseEntities(body),
          ...reply,
          ...(mediaIds.length ? { media_ids: mediaIds } : {}),
        }),
        metadata: { actor_id: caller.userId, request_id: requestId },
      },
    ]);
  });
  return tweetRowOf(events[0]!);
}
