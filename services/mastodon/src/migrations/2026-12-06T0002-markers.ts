import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/** The markers read model (tables.ts). */
export async function up(db: Db): Promise<void> {
  await sql`create table markers (
    user_id text not null,
    timeline text not null,
    last_read_id text not null,
    version integer not null,
    updated_at timestamptz not null,
    primary key (user_id, timeline)
  )`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table if exists markers`.execute(db);
}
