import { parseTimeIdKey, timeIdKey, type Db } from '@starling/kit';
import { sql } from 'kysely';

/** A user in a followers or following list, with when the follow began. */
export interface FollowRow {
  id: string;
  username: string;
  followed_at: Date;
}

/** The cursor key of a list row: unique within a list and in its sort order. */
export const followKey = (row: FollowRow) => timeIdKey(row.followed_at, row.id);

/** Whether the user has an account, as this service knows from identity's events. */
export async function isKnownUser(db: Db, id: string): Promise<boolean> {
  const { rows } = await sql`select 1 from users where id = ${id} and not deleted`.execute(db);
  return rows.length > 0;
}

/** As `isKnownUser`, holding the row until the transaction ends so a deletion waits for it. */
export async function lockKnownUser(trx: Db, id: string): Promise<boolean> {
  const { rows } = await sql`select 1 from users where id = ${id} and not deleted for share`.execute(trx);
  return rows.length > 0;
}

/**
 * Who follows `userId` (`followers`) or whom they follow (`following`), newest follow
 * first, keyset-paged on (followed_at, the other user's id).
 */
export async function listFollows(
  db: Db,
  direction: 'followers' | 'following',
  userId: string,
  after: string | undefined,
  limit: number,
): Promise<FollowRow[]> {
  const [self, other] =
    direction === 'followers'
      ? [sql.ref('f.followee_id'), sql.ref('f.follower_id')]
      : [sql.ref('f.follower_id'), sql.ref('f.followee_id')];
  const cursor = after !== undefined ? parseTimeIdKey(after) : undefined;
  const page = cursor ? sql`and (f.followed_at, ${other}) < (${cursor.at}, ${cursor.id})` : sql``;
  const { rows } = await sql<FollowRow>`
    select u.id, u.username, f.followed_at
    from follows f join users u on u.id = ${other} and not u.deleted
    where ${self} = ${userId} ${page}
    order by f.followed_at desc, ${other} desc
    limit ${limit}`.execute(db);
  return rows;
}
