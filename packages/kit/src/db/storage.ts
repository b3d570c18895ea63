import { existsSync, mkdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { PGliteDialect, SharedPGlite } from './pglite-dialect.js';

// int8 (counts, positions) as numbers and xid8 as strings, alike on both engines.
const INT8 = 20;

/**
 * A Kysely handle whose unqualified table names resolve to one service's schema. The kit
 * knows no service's tables, so by default it checks none; a service names its own
 * (`Db<TweetsDatabase>`) so its queries are checked against them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each service brings its own tables; the kit knows none
export type Db<Tables = any> = Kysely<Tables>;

/** The database each schema's handle is in: every handle of one Storage shares one. */
const databases = new WeakMap<Db, object>();

/**
 * What identifies the database behind `db`: handles of one Storage (one PGlite, or one
 * PostgreSQL database) give the same value, so a question about the whole database (its
 * running transactions) is asked once, not once per schema. A handle made elsewhere is
 * its own database.
 */
export const databaseOf = (db: Db): object => databases.get(db) ?? db;

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

/**
 * Each engine's driver is loaded only when it is opened: a process uses one of them,
 * and the other's code would only take its start time and memory (node-postgres alone
 * is some 15 MB resident in a process that runs PGlite).
 */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPGlite(options.dataDir);
}

/**
 * PGlite's buffer cache, in its WebAssembly memory. Its default, 128 MB, was resident
 * from the first query on, a third of the embedded process's memory; the operating
 * system caches the files under it anyway, and the hot pages of a small deployment fit
 * in 32 MB. Measured: 305 MB resident after opening with the default, 186 MB with this.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

async function openPGlite(dataDir: string): Promise<Storage> {
  const { PGlite } = await import('@electric-sql/pglite');
  let location: string | undefined;
  if (dataDir !== 'memory://') {
    location = resolve(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
    if (!existsSync(resolve(location, 'PG_VERSION'))) await initialiseInWorker(location);
  }
  const pgl = await PGlite.create(location, {
    parsers: { [INT8]: (v: string) => Number(v) },
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
  });
  const shared = new SharedPGlite(pgl);
  const handles: Db[] = [];
  return {
    kind: 'pglite',
    forSchema(schema) {
      const db = new Kysely({ dialect: new PGliteDialect(shared, schema) });
      handles.push(db);
      databases.set(db, shared);
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

/**
 * Creating a PGlite cluster (initdb) leaves a few hundred MB of WebAssembly memory
 * behind in the process that did it. Doing it in a worker that then exits keeps the
 * server's own footprint to what serving needs.
 */
async function initialiseInWorker(location: string): Promise<void> {
  // Plain JavaScript beside src/ and dist/, so the same file runs from either.
  const script = new URL('../../worker/create-pglite.js', import.meta.url);
  await new Promise<void>((resolveInit, reject) => {
    const worker = new Worker(script, { workerData: { location } });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolveInit() : reject(new Error(`creating the embedded database failed (exit ${code})`)),
    );
  });
}

async function openPostgres(url: string, poolSize: number): Promise<Storage> {
  const { default: pg } = await import('pg');
  pg.types.setTypeParser(INT8, (v) => Number(v));
  const pools: pg.Pool[] = [];
  const makePool = (schema?: string) => {
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      ...(schema ? { options: `-c search_path="${schema}",public` } : {}),
      connectionTimeoutMillis: 5_000,
    });
    // A client losing its server (restart, failover) must not crash the process: the
    // pool reports idle clients here, and a checked-out client (a transaction between
    // two statements) reports on itself; its next query fails and the pool drops it.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    pools.push(pool);
    return pool;
  };
  const admin = makePool();
  return {
    kind: 'postgres',
    forSchema(schema) {
      const db = new Kysely({ dialect: new PostgresDialect({ pool: preparedStatements(makePool(schema)) }) });
      databases.set(db, admin);
      return db;
    },
    async ping() {
      await admin.query('select 1');
    },
    async close() {
      await Promise.all(pools.map((p) => p.end()));
    },
  };
}

/** Distinct statements a pool prepares; beyond them (lists of every length?) statements run unnamed. */
const MAX_PREPARED = 1_000;

/**
 * The pool as Kysely sees it, with every statement run as a named prepared statement:
 * each connection parses and plans a statement once instead of on every request (a home
 * timeline page spends more time being planned than executed). Kysely's statements
 * carry their values as parameters, so their texts are few. A statement whose plan no
 * longer fits its tables (a migration changed a result type while this process ran)
 * fails once and is prepared afresh under a new name.
 */
function preparedStatements(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  let made = 0;
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED) {
      name = `starling_${made++}`;
      names.set(text, name);
    }
    return name;
  };
  return {
    async connect() {
      const client = await pool.connect();
      const query = async (text: string, values: unknown[]) => {
        const name = nameOf(text);
        try {
          return await client.query(name ? { name, text, values } : { text, values });
        } catch (err) {
          if (name && (err as { code?: string }).code === '0A000') names.delete(text);
          throw err;
        }
      };
      return {
        // A cursor (Kysely's stream()) goes through as it is.
        query: (textOrCursor: unknown, values?: unknown[]) =>
          typeof textOrCursor === 'string' ? query(textOrCursor, values ?? []) : client.query(textOrCursor as never),
        release: (destroy?: boolean) => client.release(destroy),
      } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

export async function ensureSchema(db: Db, schema: string): Promise<void> {
  await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
}
