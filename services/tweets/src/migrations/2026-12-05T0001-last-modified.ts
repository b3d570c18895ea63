import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * When each tweet's representation last changed (its counts included), for
 * `Last-Modified`: the time of the event that changed it, so a rebuild from the log
 * gives the same dates. Rows from before this migration get its own time, later than
 * any date a client can hold for them. (It also added the column to `authors`, which
 * @starling/authors' migration now does.)
 */
export async function up(db: Db): Promise<void> {
  await sql`alter table tweets add column modified_at timestamptz not null default now()`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`alter table tweets drop column modified_at`.execute(db);
}
