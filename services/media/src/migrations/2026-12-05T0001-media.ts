import { createEventStoreTables, type Db } from '@starling/kit';
import { sql } from 'kysely';

export async function up(db: Db): Promise<void> {
  await createEventStoreTables(db);

  await sql`create table media (
    id text primary key,
    owner_id text not null,
    state text not null,
    type text not null,
    content_type text not null,
    original_key text not null,
    description text,
    file_key text,
    preview_key text,
    blurhash text,
    meta jsonb,
    reason text,
    tweet_id text,
    version integer not null,
    created_at timestamptz not null,
    modified_at timestamptz not null
  )`.execute(db);
  await sql`create index media_owner on media (owner_id)`.execute(db);
  await sql`create index media_tweet on media (tweet_id) where tweet_id is not null`.execute(db);
  // The sweeper's question: what is still unattached, oldest first.
  await sql`create index media_unattached on media (created_at) where tweet_id is null`.execute(db);
  // The log, searched when a tweet or an account is deleted (reactors/).
  await sql`create index events_media_tweet on events ((data->>'tweet_id')) where type = 'MediaAttached'`.execute(db);
  await sql`create index events_media_owner on events ((data->>'owner_id'))
            where type in ('MediaUploaded', 'MediaUploadStarted')`.execute(db);
}

export async function down(db: Db): Promise<void> {
  await sql`drop index if exists events_media_owner`.execute(db);
  await sql`drop index if exists events_media_tweet`.execute(db);
  await sql`drop table if exists media`.execute(db);
}
