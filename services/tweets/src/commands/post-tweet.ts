import { appendToStream, newId, problems, type Caller, type Db } from '@starling/kit';
import { newEvent, TweetPosted } from '@starling/events';
import { MAX_TWEET_LENGTH, tweetBody, tweetStream } from '../domain/tweet.js';
import { tweetRowOf, type TweetRow } from '../read-models.js';

export interface NewTweet {
  body: string;
  username?: string | undefined;
}

/** Posts as the caller. A `username` naming anyone else is refused, never trusted. */
export async function postTweet(
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  caller: Caller,
  input: NewTweet,
  requestId: string,
): Promise<TweetRow> {
  if (input.username !== undefined && input.username.toLowerCase() !== caller.username.toLowerCase()) {
    throw problems.forbidden('You can only post as yourself.');
  }
  const body = tweetBody(input.body);
  if (body === undefined) {
    throw problems.validation([
      { field: 'body', reason: `must be 1 to ${MAX_TWEET_LENGTH} characters after trimming whitespace` },
    ]);
  }
  const id = newId();
  const { events } = await write((trx) =>
    appendToStream(trx, tweetStream(id), 0, [
      {
        ...newEvent(TweetPosted, { tweet_id: id, author_id: caller.userId, author_username: caller.username, body }),
        metadata: { actor_id: caller.userId, request_id: requestId },
      },
    ]),
  );
  return tweetRowOf(events[0]!);
}
