import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * Each tweet's attachments, by media id in the author's order (null: none), found by
 * media id when an attachment changes; and `update` events in the live streams' buffer.
 */
export async function up(db: Db): Promise<void> {
  await sql`alter table tweets add column media_ids text[]`.execute(db);
  await sql`create index tweets_media on tweets using gin (media_ids) where media_ids is not null`.execute(db);
  await sql`alter table stream_events drop constraint if exists stream_events_kind_check`.execute(db);
  await sql`alter table stream_events add constraint stream_events_kind_check
            check (kind in ('tweet', 'repost', 'delete', 'update'))`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`delete from stream_events where kind = 'update'`.execute(db);
  await sql`alter table stream_events drop constraint if exists stream_events_kind_check`.execute(db);
  await sql`alter table stream_events add constraint stream_events_kind_check
            check (kind in ('tweet', 'repost', 'delete'))`.execute(db);
  await sql`drop index if exists tweets_media`.execute(db);
  await sql`alter table tweets drop column if exists media_ids`.execute(db);
}
