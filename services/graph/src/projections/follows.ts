import type { Projection } from '@starling/kit';
import { UserFollowed, UserUnfollowed, type PayloadOf } from '@starling/events';
import { sql } from 'kysely';
import { lockFollows } from './lock.js';

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
  async handle(event, trx) {
    const d = event.data as PayloadOf<typeof UserFollowed> | PayloadOf<typeof UserUnfollowed>;
    await lockFollows(trx);
    if (event.type === UserFollowed.type) {
      await sql`
        insert into follows (follower_id, followee_id, followed_at)
        select ${d.follower_id}, ${d.followee_id}, ${event.recordedAt}
        where not exists (
          select 1 from users where id in (${d.follower_id}, ${d.followee_id}) and deleted)
        on conflict (follower_id, followee_id) do nothing`.execute(trx);
    } else {
      await sql`delete from follows
                where follower_id = ${d.follower_id} and followee_id = ${d.followee_id}`.execute(trx);
    }
  },
};
