import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/** Each tweet's attachments, by media id in the author's order (null: none). */
export async function up(db: Db): Promise<void> {
  await sql`alter table tweets add column media_ids text[]`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`alter table tweets drop column if exists media_ids`.execute(db);
}
