import { appendToStream, loadAggregate, newId, problems, retryLostRaces, type Caller, type Db } from '@starling/kit';
import { newEvent, TweetReposted, TweetUnreposted } from '@starling/events';
import { repost, repostStream } from '../domain/repost.js';
import { tweet, tweetStream } from '../domain/tweet.js';

/** A race lost to a concurrent duplicate is retried; the retry then sees the winner's event. */
const ATTEMPTS = 5;

/**
 * Makes the caller repost (or stop reposting) a tweet that exists and is not deleted;
 * their own tweets too. Idempotent: when the pair is already in the wanted state nothing
 * is appended. Each repost gets a new time-sortable `repost_id`: where it sorts in
 * timelines, fixed in the event so every replay puts it in the same place.
 */
export async function setReposted(
  write: <T>(fn: (trx: Db) => Promise<T>) => Promise<T>,
  caller: Caller,
  tweetId: string,
  wanted: boolean,
  requestId: string,
): Promise<void> {
  await retryLostRaces(ATTEMPTS, 'The repost is changing concurrently; try again.', () =>
    write(async (trx) => {
      const target = await loadAggregate(trx, tweetStream(tweetId), tweet);
      if (!target.state.exists || target.state.deleted) throw problems.notFound(`There is no tweet ${tweetId}.`);
      const stream = repostStream(tweetId, caller.userId);
      const { state, version } = await loadAggregate(trx, stream, repost);
      if (state.reposted === wanted) return;
      const author_id = target.state.authorId;
      const event = wanted
        ? newEvent(TweetReposted, {
            tweet_id: tweetId,
            author_id,
            user_id: caller.userId,
            username: caller.username,
            repost_id: newId(),
          })
        : newEvent(TweetUnreposted, { tweet_id: tweetId, author_id, user_id: caller.userId });
      await appendToStream(trx, stream, version, [
        { ...event, metadata: { actor_id: caller.userId, request_id: requestId } },
      ]);
    }),
  );
}
