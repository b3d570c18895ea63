import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect, SharedPGlite } from './pglite-dialect.js';

// int8 (counts, positions) as numbers and xid8 as strings, alike on both engines.
const INT8 = 20;
pg.types.setTypeParser(INT8, (v) => Number(v));

/** A Kysely handle whose unqualified table names resolve to one service's schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;

/**
 * Where the data lives: one embedded PGlite under DATA_DIR, or a PostgreSQL server.
 * Each service asks for its own schema and never sees another's tables.
 */
export interface Storage {
  readonly kind: 'pglite' | 'postgres';
  forSchema(schema: string): Db;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StorageOptions {
  databaseUrl?: string | undefined;
  /** Directory for PGlite; `memory://` keeps it in memory (tests). */
  dataDir: string;
  poolSize?: number;
}

export async function openStorage(options: StorageOptions): Promise<Storage> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openPGlite(options.dataDir);
}

async function openPGlite(dataDir: string): Promise<Storage> {
  let location: string | undefined;
  if (dataDir !== 'memory://') {
    location = resolve(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  const pgl = await PGlite.create(location, { parsers: { [INT8]: (v: string) => Number(v) } });
  const shared = new SharedPGlite(pgl);
  const handles: Db[] = [];
  return {
    kind: 'pglite',
    forSchema(schema) {
      const db = new Kysely({ dialect: new PGliteDialect(shared, schema) });
      handles.push(db);
      return db;
    },
    async ping() {
      await shared.lock.run(() => pgl.query('select 1'));
    },
    async close() {
      await shared.lock.run(async () => {
        if (!pgl.closed) await pgl.close();
      });
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Storage> {
  const pools: pg.Pool[] = [];
  const makePool = (schema?: string) => {
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      ...(schema ? { options: `-c search_path="${schema}",public` } : {}),
      connectionTimeoutMillis: 5_000,
    });
    // An idle client losing its server (restart, failover) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on('error', () => {});
    pools.push(pool);
    return pool;
  };
  const admin = makePool();
  return {
    kind: 'postgres',
    forSchema(schema) {
      return new Kysely({ dialect: new PostgresDialect({ pool: makePool(schema) }) });
    },
    async ping() {
      await admin.query('select 1');
    },
    async close() {
      await Promise.all(pools.map((p) => p.end()));
    },
  };
}

export async function ensureSchema(db: Db, schema: string): Promise<void> {
  await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
}
