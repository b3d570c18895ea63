import type { Db } from '@starling/kit';
import { sql, type RawBuilder, type Selectable } from 'kysely';
import { usernameKey, type UserState } from './domain/user.js';
import type { IdentityDb, UsersTable } from './tables.js';

/** A row of the `users` read model, as a command's answer shows it too. */
export type UserRow = Pick<
  Selectable<UsersTable>,
  'id' | 'username' | 'name' | 'email' | 'email_verified' | 'bio' | 'role' | 'created_at' | 'version'
>;

/** The same view, from the write side: what a command answers with. */
export const userRowOf = (state: UserState, version: number): UserRow => ({
  id: state.id,
  username: state.username,
  name: state.name,
  email: state.email,
  email_verified: state.emailVerified,
  bio: state.bio,
  role: state.role,
  created_at: state.createdAt,
  version,
});

export async function findUserByUsername(db: IdentityDb, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username_key', '=', usernameKey(username)).executeTakeFirst();
}

/**
 * What identity knows of a user from the graph's and the tweets' logs. `following` and
 * `followed_by` are null unless an authenticated caller looks at someone else.
 */
export interface Social {
  followers_count: number;
  following_count: number;
  tweets_count: number;
  following: boolean | null;
  followed_by: boolean | null;
}

/** A user as the API shows them: the account, its counts and the caller's relationship. */
/** `last_modified`: when anything the view shows last changed; read models know it, a write's answer does not. */
export type UserView = UserRow & Social & { last_modified?: Date };

/**
 * The Social columns for the user `id` (a column or a value), seen by `viewerId`. Counts
 * not heard of yet are 0. Each is an index lookup by primary key, so a page of users
 * costs one query, never one per user.
 */
function socialColumns(id: RawBuilder<unknown>, viewerId: string | undefined) {
  const relationship =
    viewerId === undefined
      ? sql`null::boolean as following, null::boolean as followed_by`
      : sql`
        case when ${id} = ${viewerId} then null else exists (
          select 1 from relationships r where r.follower_id = ${viewerId} and r.followee_id = ${id}) end as following,
        case when ${id} = ${viewerId} then null else exists (
          select 1 from relationships r where r.follower_id = ${id} and r.followee_id = ${viewerId}) end as followed_by`;
  return sql`
    coalesce((select rc.followers_count from relationship_counts rc where rc.user_id = ${id}), 0) as followers_count,
    coalesce((select rc.following_count from relationship_counts rc where rc.user_id = ${id}), 0) as following_count,
    coalesce((select tc.tweets_count from tweet_counts tc where tc.user_id = ${id}), 0) as tweets_count,
    ${relationship}`;
}

/** The account, its counts and how it stands to the viewer, with when any of that last changed. */
const viewOfUsers = (viewerId: string | undefined) => sql`
  u.*, ${socialColumns(sql.ref('u.id'), viewerId)},
  greatest(u.modified_at, (select rc.modified_at from relationship_counts rc where rc.user_id = u.id),
           (select tc.modified_at from tweet_counts tc where tc.user_id = u.id)) as last_modified`;

export async function findUserView(db: Db, id: string, viewerId: string | undefined): Promise<UserView | undefined> {
  const { rows } = await sql<UserView>`select ${viewOfUsers(viewerId)} from users u where u.id = ${id}`.execute(db);
  return rows[0];
}

export async function findUserViewByUsername(
  db: Db,
  username: string,
  viewerId: string | undefined,
): Promise<UserView | undefined> {
  const { rows } = await sql<UserView>`
    select ${viewOfUsers(viewerId)} from users u where u.username_key = ${usernameKey(username)}`.execute(db);
  return rows[0];
}

/** A command's answer (from the write side) with the counts and relationship the read side holds. */
export async function viewOf(db: Db, row: UserRow, viewerId: string | undefined): Promise<UserView> {
  const { rows } = await sql<Social>`select ${socialColumns(sql`${row.id}::text`, viewerId)}`.execute(db);
  return { ...row, ...rows[0]! };
}

/** Oldest first, keyset-paged on the time-sortable id. */
export async function listUsers(
  db: Db,
  after: string | undefined,
  limit: number,
  viewerId: string | undefined,
): Promise<UserView[]> {
  const { rows } = await sql<UserView>`
    select ${viewOfUsers(viewerId)} from users u where ${after === undefined ? sql`true` : sql`u.id > ${after}`}
    order by u.id limit ${limit}`.execute(db);
  return rows;
}

/**
 * The users with these ids or usernames that exist, in one query: ordered as asked
 * (the ids, then the usernames), each once.
 */
export async function findUserViews(
  db: Db,
  ids: readonly string[],
  usernames: readonly string[],
  viewerId: string | undefined,
): Promise<UserView[]> {
  const keys = usernames.map(usernameKey);
  if (ids.length === 0 && keys.length === 0) return [];
  const asked = [
    ...(ids.length ? [sql`u.id in (${sql.join(ids)})`] : []),
    ...(keys.length ? [sql`u.username_key in (${sql.join(keys)})`] : []),
  ];
  const { rows } = await sql<UserView & { username_key: string }>`
    select ${viewOfUsers(viewerId)} from users u where ${sql.join(asked, sql` or `)}`.execute(db);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byKey = new Map(rows.map((row) => [row.username_key, row]));
  const found = [...ids.map((id) => byId.get(id)), ...keys.map((key) => byKey.get(key))];
  return [...new Set(found)].filter((row): row is UserView & { username_key: string } => row !== undefined);
}

/**
 * What bounds a suggestion's cost: the signal comes from the caller's most recent
 * followees and each one's most recent follows, so an account following thousands, or
 * followees who follow everyone, cost no more than 500 × 100 index entries.
 */
export const SUGGESTION_FOLLOWEES = 500;
export const SUGGESTION_FOLLOWS_PER_FOLLOWEE = 100;

/**
 * "Who to follow" for `viewerId`: accounts they neither follow nor are, ranked by how
 * many of their followees follow them, then by followers, then newest (the id is
 * time-sortable). One query, bounded by what the ranking needs:
 * - `mutual`: the follows of the viewer's followees, counted (within the bounds above);
 * - `popular`: the most followed live candidates, walked down the counts index;
 * - `newest`: the newest live candidates, walked down the primary key.
 * The last two stop after `limit` candidates each. That is enough: any account ranked
 * in the top `limit` with no mutual follows is outranked within its list only by
 * accounts also in the top `limit`. The page is ranked first, and only its `limit`
 * rows get the full view (counts, relationship).
 */
export async function suggestUsers(db: Db, viewerId: string, limit: number): Promise<UserView[]> {
  // Neither the viewer nor one they follow: `mine` is small (whom they follow), hashed once.
  const candidate = (id: RawBuilder<unknown>) => sql`${id} <> ${viewerId} and ${id} not in (select id from mine)`;
  const { rows } = await sql<UserView>`
    with mine as materialized (
      select followee_id as id, followed_at from relationships where follower_id = ${viewerId}
    ),
    recent as (
      select id from mine order by followed_at desc limit ${SUGGESTION_FOLLOWEES}
    ),
    mutual as (
      select f.followee_id as id, count(*)::int as mutuals
      from recent cross join lateral (
        select r.followee_id from relationships r where r.follower_id = recent.id
        order by r.followed_at desc limit ${SUGGESTION_FOLLOWS_PER_FOLLOWEE}) f
      group by f.followee_id
    ),
    popular as (
      select rc.user_id as id from relationship_counts rc
      where rc.followers_count > 0 and exists (select 1 from users p where p.id = rc.user_id)
        and ${candidate(sql.ref('rc.user_id'))}
      order by rc.followers_count desc, rc.user_id desc limit ${limit}
    ),
    newest as (
      select n.id from users n where ${candidate(sql.ref('n.id'))} order by n.id desc limit ${limit}
    ),
    pool as (
      select id, max(mutuals) as mutuals from (
        select id, mutuals from mutual
        union all select id, 0 from popular
        union all select id, 0 from newest) c
      group by id
    ),
    ranked as (
      select pool.id, pool.mutuals, coalesce(rc.followers_count, 0) as followers
      from pool join users live on live.id = pool.id
      left join relationship_counts rc on rc.user_id = pool.id
      where ${candidate(sql.ref('pool.id'))}
      order by pool.mutuals desc, followers desc, pool.id desc
      limit ${limit}
    )
    select ${viewOfUsers(viewerId)}
    from ranked join users u on u.id = ranked.id
    order by ranked.mutuals desc, ranked.followers desc, u.id desc`.execute(db);
  return rows;
}

export async function passwordHashOf(db: IdentityDb, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('credentials')
    .select('password_hash')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash;
}

/** The external identities linked to an account, oldest first. */
export async function identitiesOf(db: IdentityDb, userId: string) {
  return db
    .selectFrom('external_identities')
    .select(['id', 'provider', 'email', 'linked_at'])
    .where('user_id', '=', userId)
    .orderBy('linked_at')
    .orderBy('id')
    .execute();
}
