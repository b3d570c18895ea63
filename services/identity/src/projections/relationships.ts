import { batchingRuns, type Db, type Projection, type RecordedEvent } from '@starling/kit';
import { UserFollowed, UserUnfollowed, payloadOf } from '@starling/events';
import { sql } from 'kysely';

/**
 * `relationships` and `relationship_counts`: who follows whom and how many, learnt from
 * the graph service's log (identity never reads its tables). A count moves only when
 * its statement really inserted or deleted the pair (`returning` tells), so a
 * redelivered event never counts twice. When an account is deleted the graph service
 * ends its follows with UserUnfollowed events, so the counts of the people it followed
 * and of those who followed it come down through here too.
 */
export const relationshipsProjection: Projection = {
  name: 'identity.relationships',
  source: 'graph',
  tables: ['relationships', 'relationship_counts'],
  types: [UserFollowed.type, UserUnfollowed.type],
  // Runs of follows (a seed is millions of them) in two statements; unfollows one by one.
  handleBatch: batchingRuns([UserFollowed.type], (run, trx) => follow(trx, run)),
  async handle(event, trx) {
    if (event.type === UserFollowed.type) return follow(trx, [event]);
    const d = payloadOf(UserUnfollowed, event);
    const { rows } = await sql<Pair>`
      delete from relationships where follower_id = ${d.follower_id} and followee_id = ${d.followee_id}
      returning follower_id, followee_id`.execute(trx);
    await count(trx, rows, -1, () => event.recordedAt);
  },
};

interface Pair {
  follower_id: string;
  followee_id: string;
}

async function follow(trx: Db, events: RecordedEvent[]): Promise<void> {
  const data = events.map((e) => payloadOf(UserFollowed, e));
  const { rows } = await sql<Pair>`
    insert into relationships (follower_id, followee_id, followed_at)
    select * from unnest(${data.map((d) => d.follower_id)}::text[], ${data.map((d) => d.followee_id)}::text[],
                         ${events.map((e) => new Date(e.recordedAt).toISOString())}::timestamptz[])
    on conflict (follower_id, followee_id) do nothing
    returning follower_id, followee_id`.execute(trx);
  const recordedAt = new Map(data.map((d, i) => [`${d.follower_id} ${d.followee_id}`, events[i]!.recordedAt]));
  await count(trx, rows, 1, (p) => recordedAt.get(`${p.follower_id} ${p.followee_id}`)!);
}

/**
 * Moves both sides' counts by `step` for each pair that was really inserted or deleted,
 * and dates each side's change with its latest event (`Last-Modified`).
 */
async function count(trx: Db, pairs: Pair[], step: 1 | -1, recordedAt: (pair: Pair) => Date | string): Promise<void> {
  if (pairs.length === 0) return;
  const counts = new Map<string, { followers: number; following: number; at: Date }>();
  const of = (id: string, when: Date | string) => {
    const at = new Date(when);
    const c = counts.get(id) ?? counts.set(id, { followers: 0, following: 0, at }).get(id)!;
    if (at > c.at) c.at = at;
    return c;
  };
  for (const p of pairs) {
    of(p.followee_id, recordedAt(p)).followers += step;
    of(p.follower_id, recordedAt(p)).following += step;
  }
  const values = [...counts.values()];
  await sql`
    insert into relationship_counts (user_id, followers_count, following_count, modified_at)
    select * from unnest(${[...counts.keys()]}::text[], ${values.map((c) => c.followers)}::int[],
                         ${values.map((c) => c.following)}::int[],
                         ${values.map((c) => new Date(c.at).toISOString())}::timestamptz[])
    on conflict (user_id) do update set
      followers_count = relationship_counts.followers_count + excluded.followers_count,
      following_count = relationship_counts.following_count + excluded.following_count,
      modified_at = greatest(relationship_counts.modified_at, excluded.modified_at)`.execute(trx);
}
