import { DEFAULT_MIGRATION_TABLE, Migrator, sql, type Migration } from 'kysely';
import { ensureSchema, type Db } from './storage.js';

export type Migrations = Record<string, Migration>;

/**
 * Applies a service's migrations to its schema. Names are timestamp-prefixed so they
 * sort in the order they were written; Kysely's lock makes concurrent replicas safe.
 * A schema that is already up to date is left alone without taking the lock.
 */
export async function migrateToLatest(db: Db, schema: string, migrations: Migrations): Promise<string[]> {
  if (await isMigrated(db, schema, migrations)) return [];
  await ensureSchema(db, schema);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} of ${schema} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * True when every migration of the service is recorded in its schema's migration
 * table, read with two plain queries. Kysely's Migrator finds its tables by
 * introspecting every column of every table, several times per service: on PGlite
 * that was about a fifth of a start, and readiness probes paid it on every call.
 */
export async function isMigrated(db: Db, schema: string, migrations: Migrations): Promise<boolean> {
  const { rows: found } = await sql<{ present: boolean }>`
    select to_regclass(${`"${schema}"."${DEFAULT_MIGRATION_TABLE}"`}) is not null as present`.execute(db);
  if (!found[0]?.present) return false;
  const { rows } = await sql<{ name: string }>`
    select name from ${sql.table(`${schema}.${DEFAULT_MIGRATION_TABLE}`)}`.execute(db);
  const applied = new Set(rows.map((r) => r.name));
  return Object.keys(migrations).every((name) => applied.has(name));
}
