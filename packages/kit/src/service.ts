import type { RouteHandlerMethod } from 'fastify';
import type { JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import type { Authenticator } from './auth/caller.js';
import type { Config } from './config.js';
import type { Migrations } from './db/migrate.js';
import type { Db } from './db/storage.js';
import type { Consumer, EventBus } from './events/consumer.js';
import type { Job } from './events/job.js';
import type { Loop } from './events/loop.js';
import type { OpenApiDocument } from './http/openapi.js';
import type { Metrics } from './metrics.js';
import type { ApiFetch } from './platform/api.js';
import type { Environment } from './settings.js';
import type { ObjectStore } from './storage/object-store.js';

/** What a service gets from the platform: its own schema, the bus, auth, config. */
export interface ServiceContext {
  name: string;
  db: Db;
  bus: EventBus;
  auth: Authenticator;
  config: Config;
  log: Logger;
  metrics: Metrics;
  /** The process's object store (one for every service): a folder under DATA_DIR, or S3. */
  objects: ObjectStore;
  /**
   * Starling's public HTTP API, as a client calls it (`fetch`'s signature; the path routes,
   * the origin is ignored): for a service that adapts the others' APIs (mastodon), which
   * forwards its caller's `Authorization`. Answered in-process where the path's service
   * runs here, by that service's replicas otherwise.
   */
  api: ApiFetch;
  /**
   * Runs a command's transaction; once it commits, waits for the consumers to catch
   * up so the caller reads its own write from the read models.
   */
  write<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
}

/** A bounded context as the platform sees it: contract, tables, consumers, handlers. */
export interface ServiceDefinition {
  /** Also the name of its database schema. */
  name: string;
  openapi: OpenApiDocument;
  migrations: Migrations;
  /**
   * Reads the service's own settings (loadSettings), throwing a ConfigError for a bad
   * one: the platform calls it first, so every process running the service refuses to
   * start with a bad value, whatever part of the service it runs.
   */
  settings?(env: Environment): unknown;
  consumers(ctx: ServiceContext): Consumer[];
  /** Work done once per event, outside transactions, in the worker role (see events/job.ts). */
  jobs?(ctx: ServiceContext): Job[];
  /** Work done continuously in the worker role, such as delivering what is due (see events/loop.ts). */
  loops?(ctx: ServiceContext): Loop[];
  handlers(ctx: ServiceContext): Record<string, RouteHandlerMethod>;
  /** Runs after migrations, before the service takes traffic. */
  start?(ctx: ServiceContext): Promise<void>;
  /** Set by the service that issues access tokens: the keys that verify them. */
  verificationKeys?: JWTVerifyGetKey;
}
