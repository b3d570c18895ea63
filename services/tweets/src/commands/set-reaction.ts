import {
  appendToStream,
  loadAggregate,
  retryLostRaces,
  type Aggregate,
  type Caller,
  type Db,
  type NewEvent,
} from '@starling/kit';
import { changes, type ReactionState } from '../domain/reaction.js';
import { mustBeLive, tweet, tweetStream, type TweetState } from '../domain/tweet.js';

/** A race lost to a concurrent duplicate is retried; the retry then sees the winner's event. */
const ATTEMPTS = 5;

/** Something a person does to a tweet and can undo (a like, a repost): one stream per tweet and person. */
export interface Reaction {
  /** As said in a conflict: "The like is changing concurrently". */
  noun: string;
  stream(tweetId: string, userId: string): string;
  aggregate: Aggregate<ReactionState>;
  /** The event that turns it on (`wanted`) or off. */
  event(wanted: boolean, target: TweetState, caller: Caller, tweetId: string): NewEvent;
}

/**
 * Makes the caller's reaction to a tweet that exists and is not deleted `wanted`.
 * Idempotent: when it already is, nothing is appended. Concurrent duplicates race on
 * the stream version; the loser retries and then finds nothing to do.
 */
export async function setReaction(
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  reaction: Reaction,
  caller: Caller,
  tweetId: string,
  wanted: boolean,
  requestId: string,
): Promise<void> {
  await retryLostRaces(ATTEMPTS, `The ${reaction.noun} is changing concurrently; try again.`, () =>
    write(async (trx) => {
      const target = await loadAggregate(trx, tweetStream(tweetId), tweet);
      mustBeLive(target.state, tweetId);
      const stream = reaction.stream(tweetId, caller.userId);
      const { state, version } = await loadAggregate(trx, stream, reaction.aggregate);
      if (!changes(state, wanted)) return;
      await appendToStream(trx, stream, version, [
        {
          ...reaction.event(wanted, target.state, caller, tweetId),
          metadata: { actor_id: caller.userId, request_id: requestId },
        },
      ]);
    }),
  );
}
