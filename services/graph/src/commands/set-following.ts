import { appendToStream, loadAggregate, problems, retryLostRaces, type Caller, type Db } from '@starling/kit';
import { newEvent, UserFollowed, UserUnfollowed } from '@starling/events';
import { follow, followStream } from '../domain/follow.js';
import { lockKnownUser } from '../read-models.js';

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
  if (followeeId === caller.userId) {
    throw problems.validation([{ field: 'id', reason: 'you cannot follow yourself' }]);
  }
  return retryLostRaces(ATTEMPTS, 'The relationship is changing concurrently; try again.', () =>
    write(async (trx) => {
      // Locked until commit, so an account deletion is projected before or after this, never across it.
      if (!(await lockKnownUser(trx, followeeId))) throw problems.notFound(`There is no user ${followeeId}.`);
      const stream = followStream(caller.userId, followeeId);
      const { state, version } = await loadAggregate(trx, stream, follow);
      if (state.following !== wanted) {
        const data = { follower_id: caller.userId, followee_id: followeeId };
        await appendToStream(trx, stream, version, [
          {
            ...(wanted ? newEvent(UserFollowed, data) : newEvent(UserUnfollowed, data)),
            metadata: { actor_id: caller.userId, request_id: requestId },
          },
        ]);
      }
      const reverse = await loadAggregate(trx, followStream(followeeId, caller.userId), follow);
      return { following: wanted, followed_by: reverse.state.following };
    }),
  );
}
