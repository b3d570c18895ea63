import { createEventStoreTables, type Db } from '@starling/kit';
import { sql } from 'kysely';

/** The event store: the service's own events (markers) and its consumers' checkpoints. */
export async function up(db: Db): Promise<void> {
  await createEventStoreTables(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table if exists consumer_checkpoints`.execute(db);
  await sql`drop trigger if exists events_append_only on events`.execute(db);
  await sql`drop trigger if exists events_no_truncate on events`.execute(db);
  await sql`drop table if exists events`.execute(db);
  await sql`drop function if exists events_are_immutable()`.execute(db);
}
