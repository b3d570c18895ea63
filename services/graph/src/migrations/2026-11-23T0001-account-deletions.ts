import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/** Finds an account's follows in the log, both ways, when it is deleted. */
export async function up(db: Db): Promise<void> {
  await sql`create index events_follow_follower on events ((data->>'follower_id')) where type = 'UserFollowed'`.execute(
    db,
  );
  await sql`create index events_follow_followee on events ((data->>'followee_id')) where type = 'UserFollowed'`.execute(
    db,
  );
}

export async function down(db: Db): Promise<void> {
  await sql`drop index if exists events_follow_followee`.execute(db);
  await sql`drop index if exists events_follow_follower`.execute(db);
}
