import { payloadOf, UserFollowed } from '@starling/events';
import { appendNewStreams, type Db, type ImportedEvent, type SkippedImport } from '@starling/kit';
import { followStream } from '../domain/follow.js';

/**
 * Brings in follows made before they reach this log (`starling seed`, `starling
 * import`): each UserFollowed opens the pair's stream as the follow command would, so
 * the follow can be undone through the API, and the projections pick them up like any
 * other. One transaction for the lot, bulk inside (`appendNewStreams`); a pair already
 * in the log fails it whole, or with `skipExisting` (an import run again) is left out
 * and returned. Any other event type is refused before anything is written.
 */
export async function importFollows<E extends ImportedEvent>(
  db: Db,
  events: readonly E[],
  options: { skipExisting?: boolean } = {},
): Promise<SkippedImport<E>[]> {
  // Checked before the transaction: a foreign event fails the import with nothing written.
  for (const event of events) payloadOf(UserFollowed, event);
  return db.transaction().execute((trx) =>
    appendNewStreams(
      trx,
      events,
      (event) => {
        const follow = payloadOf(UserFollowed, event);
        return followStream(follow.follower_id, follow.followee_id);
      },
      options,
    ),
  );
}
