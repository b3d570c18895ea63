import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * The follows projection (graph's log) and the users projection (identity's log) both
 * change `follows` and run concurrently, during a rebuild too. Each takes this lock
 * before reading or changing it, so a follow is applied wholly before or after an
 * account deletion: never inserted for a user whose deletion it could not yet see.
 */
export async function lockFollows(trx: Db): Promise<void> {
  await sql`lock table follows in share row exclusive mode`.execute(trx);
}
