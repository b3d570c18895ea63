import { appendToStream, loadAggregate, refuse, retryLostRaces, type Caller, type Db } from '@starling/kit';
import { decideFollowing, follow, followStream, mayFollow } from '../domain/follow.js';
import { lockPair } from '../read-models.js';

export interface Relationship {
  following: boolean;
  followed_by: boolean;
}

/** A race lost to a concurrent duplicate is retried; the retry then sees the winner's event. */
const ATTEMPTS = 3;

/**
 * Makes the caller follow (or stop following) `followeeId`. Idempotent: when the pair is
 * already in the wanted state nothing is appended and the answer is the same. Answers
 * with the relationship from the caller's point of view, read from the two pair streams.
 */
export async function setFollowing(
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  caller: Caller,
  followeeId: string,
  wanted: boolean,
  requestId: string,
): Promise<Relationship> {
  mayFollow(caller.userId, followeeId);
  return retryLostRaces(ATTEMPTS, 'The relationship is changing concurrently; try again.', () =>
    write(async (trx) => {
      // Both accounts locked until commit, so an account deletion (the users projection
      // or the account-deletions reactor) lands wholly before or after this, never
      // across it: a follow the reactor's read of the log cannot see is never appended.
      const accounts = await lockPair(trx, caller.userId, followeeId);
      if (accounts.followee !== 'live') throw refuse.notFound(`There is no user ${followeeId}.`);
      // A deleted account's token is honoured until its revocation reaches this process.
      if (accounts.follower === 'deleted') throw refuse.unauthenticated('This account no longer exists.');
      // Its registration has not reached this service yet: with no row to lock, a
      // deletion could not wait for this command, so it is refused rather than risked.
      if (accounts.follower === 'unknown') {
        throw refuse.conflict('Your account is not known to the graph service yet; try again in a moment.');
      }
      const stream = followStream(caller.userId, followeeId);
      const { state, version } = await loadAggregate(trx, stream, follow);
      const events = decideFollowing(state, caller.userId, followeeId, wanted);
      if (events.length) {
        const metadata = { actor_id: caller.userId, request_id: requestId };
        await appendToStream(
          trx,
          stream,
          version,
          events.map((e) => ({ ...e, metadata })),
        );
      }
      const reverse = await loadAggregate(trx, followStream(followeeId, caller.userId), follow);
      return { following: wanted, followed_by: reverse.state.following };
    }),
  );
}
