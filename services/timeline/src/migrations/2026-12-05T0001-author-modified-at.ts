import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/** When each author's shown name last changed: the shared authors read model now records it. */
export async function up(db: Db): Promise<void> {
  await sql`alter table authors add column modified_at timestamptz not null default now()`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`alter table authors drop column modified_at`.execute(db);
}
