import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/** Authors' display names, kept from identity's events so tweets show them without a call. */
export async function up(db: Db): Promise<void> {
  await sql`create table authors (
    id text primary key,
    username text not null,
    name text not null,
    version integer not null
  )`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table if exists authors`.execute(db);
}
