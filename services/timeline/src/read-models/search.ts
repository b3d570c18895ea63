import { problems, type Db } from '@starling/kit';
import { sql, type RawBuilder } from 'kysely';

/** A search hit: its id and how well it matched (ts_rank, a float4). */
export interface Hit {
  id: string;
  rank: number;
}

/** A user found by search. */
export interface UserHit extends Hit {
  username: string;
  name: string;
  bio: string | null;
}

/**
 * The cursor key of a hit: results are ordered by rank, then id (ids sort by creation
 * time, so among equal matches the newest comes first), and the pair is unique. The
 * rank is written as the shortest decimal that reads back as the same float4, so the
 * next page starts exactly after this hit.
 */
export const hitKey = (hit: Hit): string => `${hit.rank}|${hit.id}`;

export function parseHitKey(key: string): Hit {
  const bar = key.indexOf('|');
  const rank = Number(key.slice(0, bar));
  const id = key.slice(bar + 1);
  if (bar <= 0 || !Number.isFinite(rank) || id === '') {
    throw problems.validation([{ field: 'cursor', reason: 'is not a cursor this API returned' }]);
  }
  return { rank, id };
}

/** Hits of `query` (a tsquery literal from `searchQuery`) in `table`, best first, after `after`. */
async function hits<T extends Hit>(
  db: Db,
  table: 'search_users' | 'search_tweets',
  columns: RawBuilder<unknown>,
  also: RawBuilder<unknown>,
  query: string,
  after: Hit | undefined,
  limit: number,
): Promise<T[]> {
  const page = after ? sql`where (h.rank, h.id) < (${String(after.rank)}::real, ${after.id})` : sql``;
  const { rows } = await sql<T>`
    select h.* from (
      select ${columns}, ts_rank(d.document, ${query}::tsquery) as rank
      from ${sql.table(table)} d
      where d.document @@ ${query}::tsquery ${also}
    ) h
    ${page}
    order by h.rank desc, h.id desc
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ ...row, rank: Number(row.rank) }));
}

/** Users matching `query`, best match first. */
export const searchUsers = (db: Db, query: string, after: Hit | undefined, limit: number): Promise<UserHit[]> =>
  hits<UserHit>(db, 'search_users', sql`d.id, d.username, d.name, d.bio`, sql``, query, after, limit);

/**
 * Ids of tweets matching `query`, best match first. Only tweets of live accounts: a
 * deleted account's tweets go at once with its `search_users` row, not only once the
 * tweets service's TweetDeleted for each of them (a second hop) has arrived.
 */
export const searchTweets = (db: Db, query: string, after: Hit | undefined, limit: number): Promise<Hit[]> =>
  hits<Hit>(
    db,
    'search_tweets',
    sql`d.id`,
    sql`and exists (select 1 from search_users u where u.id = d.author_id)`,
    query,
    after,
    limit,
  );
