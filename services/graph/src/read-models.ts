import { parseTimeIdKey, timeIdKey, type Db } from '@starling/kit';
import { sql } from 'kysely';
import type { FollowsTable, GraphDb, UsersTable } from './tables.js';

/** A user in a followers or following list, with when the follow began. */
export type FollowRow = Pick<UsersTable, 'id' | 'username'> & Pick<FollowsTable, 'followed_at'>;

/** The cursor key of a list row: unique within a list and in its sort order. */
export const followKey = (row: FollowRow) => timeIdKey(row.followed_at, row.id);

/** Whether the user has an account, as this service knows from identity's events. */
export async function isKnownUser(db: GraphDb, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', id)
    .where('deleted', '=', false)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Locks the rows of the follower and the followee `for share` until the transaction
 * ends (always in id order, the same order for everyone), and says what is known of
 * each: 'live', 'deleted', or 'unknown' (no event about them has reached this service).
 * Marking an account deleted updates its row, so it waits for the lock holders, and a
 * command locking after it sees the deletion.
 */
export async function lockPair(
  trx: Db,
  followerId: string,
  followeeId: string,
): Promise<{ follower: AccountState; followee: AccountState }> {
  // Raw: `for share` in id order, the lock order everyone keeps.
  const { rows } = await sql<Pick<UsersTable, 'id' | 'deleted'>>`
    select id, deleted from users where id in (${followerId}, ${followeeId}) order by id for share`.execute(trx);
  const stateOf = (id: string): AccountState => {
    const row = rows.find((r) => r.id === id);
    return row === undefined ? 'unknown' : row.deleted ? 'deleted' : 'live';
  };
  return { follower: stateOf(followerId), followee: stateOf(followeeId) };
}

export type AccountState = 'live' | 'deleted' | 'unknown';

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
