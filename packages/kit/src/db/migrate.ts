import { Migrator, type Migration } from 'kysely';
import { ensureSchema, type Db } from './storage.js';

export type Migrations = Record<string, Migration>;

/**
 * Applies a service's migrations to its schema. Names are timestamp-prefixed so they
 * sort in the order they were written; Kysely's lock makes concurrent replicas safe.
 */
export async function migrateToLatest(db: Db, schema: string, migrations: Migrations): Promise<string[]> {
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

/** True when every migration of the service has been applied. */
export async function isMigrated(db: Db, schema: string, migrations: Migrations): Promise<boolean> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
