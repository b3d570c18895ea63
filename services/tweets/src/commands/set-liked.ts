import { appendToStream, loadAggregate, problems, retryLostRaces, type Caller, type Db } from '@starling/kit';
import { newEvent, TweetLiked, TweetUnliked } from '@starling/events';
import { like, likeStream } from '../domain/like.js';
import { tweet, tweetStream } from '../domain/tweet.js';

/** A race lost to a concurrent duplicate is retried; the retry then sees the winner's event. */
const ATTEMPTS = 5;

/**
 * Makes the caller like (or stop liking) a tweet that exists and is not deleted.
 * Idempotent: when the pair is already in the wanted state nothing is appended.
 */
export async function setLiked(
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  caller: Caller,
  tweetId: string,
  wanted: boolean,
  requestId: string,
): Promise<void> {
  await retryLostRaces(ATTEMPTS, 'The like is changing concurrently; try again.', () =>
    write(async (trx) => {
      const target = await loadAggregate(trx, tweetStream(tweetId), tweet);
      if (!target.state.exists || target.state.deleted) throw problems.notFound(`There is no tweet ${tweetId}.`);
      const stream = likeStream(tweetId, caller.userId);
      const { state, version } = await loadAggregate(trx, stream, like);
      if (state.liked === wanted) return;
      const event = wanted
        ? newEvent(TweetLiked, { tweet_id: tweetId, user_id: caller.userId, username: caller.username })
        : newEvent(TweetUnliked, { tweet_id: tweetId, user_id: caller.userId });
      await appendToStream(trx, stream, version, [
        { ...event, metadata: { actor_id: caller.userId, request_id: requestId } },
      ]);
    }),
  );
}
