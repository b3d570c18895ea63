import type { Projection } from '@starling/kit';
import { UserFollowed, UserUnfollowed, type PayloadOf } from '@starling/events';
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
  async handle(event, trx) {
    const d = event.data as PayloadOf<typeof UserFollowed> | PayloadOf<typeof UserUnfollowed>;
    const followed = event.type === UserFollowed.type;
    const { rows } = followed
      ? await sql`
          insert into relationships (follower_id, followee_id, followed_at)
          values (${d.follower_id}, ${d.followee_id}, ${event.recordedAt})
          on conflict (follower_id, followee_id) do nothing
          returning follower_id`.execute(trx)
      : await sql`
          delete from relationships where follower_id = ${d.follower_id} and followee_id = ${d.followee_id}
          returning follower_id`.execute(trx);
    if (rows.length === 0) return;
    const step = followed ? 1 : -1;
    await sql`
      insert into relationship_counts (user_id, followers_count, following_count)
      values (${d.followee_id}, ${step}, 0), (${d.follower_id}, 0, ${step})
      on conflict (user_id) do update set
        followers_count = relationship_counts.followers_count + excluded.followers_count,
        following_count = relationship_counts.following_count + excluded.following_count`.execute(trx);
  },
};
