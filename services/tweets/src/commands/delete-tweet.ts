import { appendToStream, checkIfMatch, loadAggregate, problems, type Caller, type Db } from '@starling/kit';
import { newEvent, TweetDeleted } from '@starling/events';
import type { FastifyRequest } from 'fastify';
import { tweet, tweetStream } from '../domain/tweet.js';

/** Deletes a tweet: its author or an admin may; the deletion is an event like any other. */
export async function deleteTweet(
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  request: FastifyRequest,
  caller: Caller,
  id: string,
): Promise<void> {
  await write(async (trx) => {
    const { state, version } = await loadAggregate(trx, tweetStream(id), tweet);
    if (!state.exists || state.deleted) throw problems.notFound(`There is no tweet ${id}.`);
    const isAuthor = state.authorId === caller.userId;
    if (!isAuthor && caller.role !== 'admin') throw problems.forbidden('Only its author may delete a tweet.');
    checkIfMatch(request, version);
    await appendToStream(trx, tweetStream(id), version, [
      {
        ...newEvent(TweetDeleted, { tweet_id: id, author_id: state.authorId, reason: isAuthor ? 'author' : 'admin' }),
        metadata: { actor_id: caller.userId, request_id: request.id },
      },
    ]);
  });
}
