import { batchingRuns, type Db, type Projection, type RecordedEvent } from '@starling/kit';
import { UserFollowed, UserUnfollowed, payloadOf } from '@starling/events';
import { sql } from 'kysely';
import { lockFollows } from './lock.js';
import type { GraphDb } from '../tables.js';

/**
 * `follows`: who follows whom now, and since when (the UserFollowed's time). Following
 * twice inserts once, unfollowing deletes by key; a follow involving a deleted account
 * is not applied (see the users projection).
 */
export const followsProjection: Projection = {
  name: 'graph.follows',
  source: 'graph',
  tables: ['follows'],
  types: [UserFollowed.type, UserUnfollowed.type],
  // Runs of follows (a seed is millions of them) in one statement; unfollows one by one.
  handleBatch: batchingRuns([UserFollowed.type], (run, trx) => follow(trx, run)),
  async handle(event, trx) {
    if (event.type === UserFollowed.type) return follow(trx, [event]);
    const d = payloadOf(UserUnfollowed, event);
    await lockFollows(trx);
    const db: GraphDb = trx;
    await db
      .deleteFrom('follows')
      .where('follower_id', '=', d.follower_id)
      .where('followee_id', '=', d.followee_id)
      .execute();
  },
};

async function follow(trx: Db, events: RecordedEvent[]): Promise<void> {
  const column = (pick: (e: RecordedEvent) => string) => events.map(pick);
  const data = (e: RecordedEvent) => payloadOf(UserFollowed, e);
  await lockFollows(trx);
  // Raw: one set-based insert for a whole run of follows (unnest), skipping deleted accounts.
  await sql`
    insert into follows (follower_id, followee_id, followed_at)
    select f.follower_id, f.followee_id, f.followed_at
    from unnest(${column((e) => data(e).follower_id)}::text[], ${column((e) => data(e).followee_id)}::text[],
                ${column((e) => new Date(e.recordedAt).toISOString())}::timestamptz[]) as f(follower_id, followee_id, followed_at)
    where not exists (select 1 from users u where u.id in (f.follower_id, f.followee_id) and u.deleted)
    on conflict (follower_id, followee_id) do nothing`.execute(trx);
}
