import type { Db } from '@starling/kit';
import { sql } from 'kysely';

/**
 * Search's read models. `document` is a tsvector built in TypeScript (see
 * search/text.ts), queried with `@@` through a GIN index and ranked with ts_rank.
 */
export async function up(db: Db): Promise<void> {
  // Live accounts; `version` is the identity stream version the row was built from.
  await sql`
    create table search_users (
      id text primary key,
      username text not null,
      name text not null,
      bio text,
      document tsvector not null,
      version integer not null
    )`.execute(db);
  await sql`create index search_users_document on search_users using gin (document)`.execute(db);

  // Live tweets (`author_id`: only live accounts' tweets are found); what is shown of them
  // comes from the timeline's tweet read model.
  await sql`
    create table search_tweets (
      id text primary key,
      author_id text not null,
      document tsvector not null
    )`.execute(db);
  await sql`create index search_tweets_document on search_tweets using gin (document)`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop table if exists search_tweets`.execute(db);
  await sql`drop table if exists search_users`.execute(db);
}
