import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * Entries (tweets and reposts) the timeline has but has not yet written into the
 * followers' homes: the home fan-out is a background consumer of its own
 * (`timeline.homes`, projections/homes-projection.ts), which a post does not wait for,
 * and home reads merge these in meanwhile. Empty whenever the fan-out has caught up.
 * The new consumer starts where `timeline.tweets` stands: every entry before it is in
 * the homes already.
 */
export async function up(db: Db): Promise<void> {
  await sql`
    create table pending_fanout (
      entry_key text primary key,
      tweet_id text not null,
      actor_id text not null,
      kind text not null check (kind in ('tweet', 'repost'))
    )`.execute(db);
  await sql`create index pending_fanout_actor on pending_fanout (actor_id, entry_key)`.execute(db);
  await sql`create index pending_fanout_tweet on pending_fanout (tweet_id)`.execute(db);
  await sql`
    insert into consumer_checkpoints (consumer, tx_id, position)
    select 'timeline.homes', tx_id, position from consumer_checkpoints where consumer = 'timeline.tweets'`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`delete from consumer_checkpoints where consumer = 'timeline.homes'`.execute(db);
  await sql`drop table pending_fanout`.execute(db);
}
