import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * Follower counts by size, so that a home read finds the big accounts its owner follows
 * (merged in at read time) by walking the few big accounts, not every count.
 */
export async function up(db: Db): Promise<void> {
  await sql`create index follower_counts_by_followers on follower_counts (followers, user_id)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop index follower_counts_by_followers`.execute(db);
}
