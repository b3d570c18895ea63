import { type Db, type Projection, type RecordedEvent } from '@starling/kit';
import { TweetPosted, TweetReposted, payloadOf } from '@starling/events';
import type { HomeWrites } from './home-writes.js';
import { lockHomes, type NewEntry } from './homes.js';

/**
 * The home fan-out (homes.ts): each new tweet and repost into its followers' homes. A
 * background consumer: a post answers once `timeline.tweets` has it (its entry in
 * `pending_fanout`, which home reads merge in), not once it is in every follower's
 * home, and a busy log is fanned out a whole batch at a time, in one statement, after
 * the answers. Deletions and undone reposts stay with `timeline.tweets`: they are rare,
 * and a reader must not see them late. An entry already gone from `tweets` or `reposts`
 * by then (deleted, undone) is not fanned out.
 */
export function homesProjection(homes: HomeWrites): Projection {
  return {
    name: 'timeline.homes',
    source: 'tweets',
    background: true,
    // What it fans out, `timeline.tweets` has left pending (or taken back) already.
    after: 'timeline.tweets',
    tables: ['home_entries', 'home_sizes', 'pending_fanout'],
    deferrable: homes.deferrable,
    types: [TweetPosted.type, TweetReposted.type],
    handleBatch: (events, trx) => arrive(trx, events, homes),
    handle: (event, trx) => arrive(trx, [event], homes),
  };
}

/** New tweets and reposts, all in one fan-out under the homes' lock. */
async function arrive(trx: Db, events: RecordedEvent[], homes: HomeWrites): Promise<void> {
  await lockHomes(trx);
  await homes.fanOut(trx, events.map(entryOf));
}

function entryOf(event: RecordedEvent): NewEntry {
  if (event.type === TweetPosted.type) {
    const d = payloadOf(TweetPosted, event);
    return { key: d.tweet_id, tweetId: d.tweet_id, actorId: d.author_id, kind: 'tweet' };
  }
  const d = payloadOf(TweetReposted, event);
  return { key: d.repost_id, tweetId: d.tweet_id, actorId: d.user_id, kind: 'repost' };
}
