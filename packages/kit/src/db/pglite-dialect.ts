import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { tracedQuery } from '../tracing/db.js';
import { Mutex } from './mutex.js';

/**
 * PGlite is a single PostgreSQL session shared by every service of the embedded
 * process. Each acquired connection therefore holds the session exclusively (so one
 * service's transaction never interleaves with another's statements) and switches
 * `search_path` to its service's schema, which keeps service SQL schema-free and the
 * same as on a PostgreSQL server.
 */
export class SharedPGlite {
  readonly lock = new Mutex();
  private currentSchema: string | undefined;

  constructor(readonly pg: PGlite) {}

  async useSchema(schema: string): Promise<void> {
    if (this.currentSchema === schema) return;
    await this.pg.exec(`SET search_path TO "${schema}", public`);
    this.currentSchema = schema;
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(
    private readonly shared: SharedPGlite,
    private readonly schema: string,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await tracedQuery(query.sql, this.schema, () =>
      this.shared.pg.query<R>(query.sql, query.parameters as unknown[]),
    );
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && /^\s*(insert|update|delete|merge)/i.test(query.sql)
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    };
  }

  // eslint-disable-next-line require-yield -- refuses before yielding: PGlite has no cursors to stream from
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on embedded PGlite');
  }
}

class PGliteDriver implements Driver {
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();

  constructor(
    private readonly shared: SharedPGlite,
    private readonly schema: string,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.shared.lock.acquire();
    const connection = new PGliteConnection(this.shared, this.schema);
    this.releases.set(connection, release);
    try {
      await this.shared.useSchema(this.schema);
    } catch (err) {
      release();
      throw err;
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` ISOLATION LEVEL ${settings.isolationLevel.toUpperCase()}` : '';
    await connection.executeQuery(CompiledQuery.raw(`BEGIN${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.releases.get(connection)?.();
    this.releases.delete(connection);
  }

  async destroy(): Promise<void> {}
}

export class PGliteDialect implements Dialect {
  constructor(
    private readonly shared: SharedPGlite,
    private readonly schema: string,
  ) {}

  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.shared, this.schema);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
