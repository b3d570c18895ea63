import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * The number of entries in each home timeline, kept with them (see
 * projections/homes.ts), so that a full home is trimmed by its oldest entry instead of
 * by counting all of them. Filled from the entries already there.
 */
export async function up(db: Db): Promise<void> {
  await sql`
    create table home_sizes (
      owner_id text primary key,
      entries integer not null check (entries >= 0)
    )`.execute(db);
  await sql`
    insert into home_sizes (owner_id, entries)
    select owner_id, count(*)::int from home_entries group by owner_id`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table home_sizes`.execute(db);
}
