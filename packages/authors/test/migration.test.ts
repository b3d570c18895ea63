import { migrateToLatest, openStorage, type Migrations, type Storage } from '@starling/kit';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { authorsMigrations } from '../src/index.js';

const columns = async (storage: Storage) =>
  (
    await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = 'tweets' and table_name = 'authors' order by column_name`.execute(
      storage.forSchema('tweets'),
    )
  ).rows.map((r) => r.column_name);

describe('the authors migration', () => {
  let storage: Storage | undefined;
  afterEach(() => storage?.close());

  it('creates the table in a new schema', async () => {
    storage = await openStorage({ dataDir: 'memory://' });
    await migrateToLatest(storage.forSchema('tweets'), 'tweets', authorsMigrations);
    expect(await columns(storage)).toEqual(['id', 'modified_at', 'name', 'username', 'version']);
  });

  it('completes a table a service created before it, keeping its rows', async () => {
    storage = await openStorage({ dataDir: 'memory://' });
    const db = storage.forSchema('tweets');
    // What the tweets service's own migration created before the table moved here.
    const before: Migrations = {
      '2026-11-22T0002-authors': {
        up: async (trx) => {
          await sql`create table authors (id text primary key, username text not null, name text not null,
                                          version integer not null)`.execute(trx);
          await sql`insert into authors values ('u1', 'ada', 'Ada', 1)`.execute(trx);
        },
      },
    };
    await migrateToLatest(db, 'tweets', before);
    const applied = await migrateToLatest(db, 'tweets', {
      '2026-11-22T0002-authors': { up: async () => {} },
      ...authorsMigrations,
    });
    expect(applied).toEqual(Object.keys(authorsMigrations));
    expect(await columns(storage)).toEqual(['id', 'modified_at', 'name', 'username', 'version']);
    const { rows } = await sql<{ username: string }>`select username from authors`.execute(db);
    expect(rows).toEqual([{ username: 'ada' }]);
  });
});
