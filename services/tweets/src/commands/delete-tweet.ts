import {
  appendToStream,
  checkExpectedVersion,
  loadAggregate,
  type Caller,
  type Db,
  type ExpectedVersions,
} from '@starling/kit';
import { decideDeletion, tweet, tweetStream } from '../domain/tweet.js';

/** Deletes a tweet (see decideDeletion for who may); the deletion is an event like any other. */
export async function deleteTweet(
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  caller: Caller,
  id: string,
  request: { expected: ExpectedVersions; requestId: string },
): Promise<void> {
  await write(async (trx) => {
    const { state, version } = await loadAggregate(trx, tweetStream(id), tweet);
    const deleted = decideDeletion(state, id, caller);
    checkExpectedVersion(request.expected, version);
    await appendToStream(trx, tweetStream(id), version, [
      { ...deleted, metadata: { actor_id: caller.userId, request_id: request.requestId } },
    ]);
  });
}
