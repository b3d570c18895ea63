import { keysetPages } from '@starling/kit';
import type { FollowsTable, GraphDb } from './tables.js';

/**
 * Every follow, a page at a time (by follower, then followee): what `starling export`
 * writes out. `followed_at` is when it began.
 */
export function followsForExport(db: GraphDb, pageSize = 5_000): AsyncGenerator<FollowsTable[]> {
  return keysetPages((after: FollowsTable | undefined) => {
    let query = db
      .selectFrom('follows')
      .select(['follower_id', 'followee_id', 'followed_at'])
      .orderBy('follower_id')
      .orderBy('followee_id')
      .limit(pageSize);
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple('follower_id', 'followee_id'), '>', eb.tuple(after.follower_id, after.followee_id)),
      );
    }
    return query.execute();
  });
}
