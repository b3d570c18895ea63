import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * When each thing a user's representation shows last changed (the account itself, its
 * follow counts, its tweet count), for `Last-Modified`: the time of the event that
 * changed it, so a rebuild from the log gives the same dates. Rows from before this
 * migration get its own time, later than any date a client can hold for them.
 */
export async function up(db: Db): Promise<void> {
  for (const table of ['users', 'relationship_counts', 'tweet_counts']) {
    await sql`alter table ${sql.table(table)} add column modified_at timestamptz not null default now()`.execute(db);
  }
}

export async function down(db: Db): Promise<void> {
  for (const table of ['users', 'relationship_counts', 'tweet_counts']) {
    await sql`alter table ${sql.table(table)} drop column modified_at`.execute(db);
  }
}
