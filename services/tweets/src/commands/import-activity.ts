import { payloadOf, TweetLiked, TweetPosted, TweetReposted } from '@starling/events';
import { appendNewStreams, type Db, type ImportedEvent, type SkippedImport } from '@starling/kit';
import { likeStream } from '../domain/like.js';
import { repostStream } from '../domain/repost.js';
import { tweetStream } from '../domain/tweet.js';

/** The stream each imported event opens: the one its command would append to. */
const streamOf: Record<string, (event: ImportedEvent) => string> = {
  [TweetPosted.type]: (event) => tweetStream(payloadOf(TweetPosted, event).tweet_id),
  [TweetLiked.type]: (event) => {
    const like = payloadOf(TweetLiked, event);
    return likeStream(like.tweet_id, like.user_id);
  },
  [TweetReposted.type]: (event) => {
    const repost = payloadOf(TweetReposted, event);
    return repostStream(repost.tweet_id, repost.user_id);
  },
};

/**
 * Brings in tweets, likes and reposts made before they reach this log (`starling
 * seed`, `starling import`): each opens the stream its command would have, so it can be
 * deleted, unliked or unreposted through the API afterwards, and the projections pick
 * them up like any other. One transaction for the lot, bulk inside (`appendNewStreams`);
 * a stream already in the log fails it whole, or with `skipExisting` (an import run
 * again) is left out and returned. Any other event type is refused before anything is
 * written. Bodies are the caller's to check, by `tweetBody`, as the post command does.
 */
export async function importTweetActivity<E extends ImportedEvent>(
  db: Db,
  events: readonly E[],
  options: { skipExisting?: boolean } = {},
): Promise<SkippedImport<E>[]> {
  const refused = events.find((event) => !streamOf[event.type]);
  if (refused) throw new Error(`the tweets service does not import ${refused.type} events`);
  return db
    .transaction()
    .execute((trx) => appendNewStreams(trx, events, (event) => streamOf[event.type]!(event), options));
}
