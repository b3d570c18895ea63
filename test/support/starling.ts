import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import pg from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createPlatform, loadConfig, type Platform } from '@starling/kit';
import { tokenRevocations } from '@starling/identity';
import { allServices } from '@starling/cli/services';
import type { LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';

/** The password `signUp` gives a user unless told otherwise. */
export const PASSWORD = 'correct horse battery';

export interface Mode {
  name: string;
  postgres: boolean;
  /** Events between services go through NATS JetStream (relay and durable consumers). */
  nats?: boolean;
}

/** The storage modes: embedded PGlite always, and PostgreSQL when DATABASE_URL is set. */
export const storageModes = [
  { name: 'embedded PGlite', postgres: false },
  { name: 'PostgreSQL', postgres: true },
] as const satisfies Mode[];

/**
 * The modes every API suite runs in: both storage modes, and PostgreSQL with the
 * JetStream bus when NATS_URL is set too. A mode that cannot run is reported as skipped.
 */
export const apiModes: Mode[] = [
  ...storageModes,
  { name: 'PostgreSQL and NATS JetStream', postgres: true, nats: true },
];

export const postgresUrl = process.env.DATABASE_URL || undefined;
export const natsUrl = process.env.NATS_URL || undefined;

export function modeIsAvailable(mode: Mode): boolean {
  return (!mode.postgres || postgresUrl !== undefined) && (!mode.nats || natsUrl !== undefined);
}

/**
 * `it` where a test means something (a JetStream-only behaviour, say), nothing elsewhere:
 * such a test is not declared in the other modes rather than reported there as skipped.
 */
export const where = (applies: boolean | undefined): typeof it =>
  applies ? it : ((() => undefined) as unknown as typeof it);

export function modeTitle(mode: Mode): string {
  if (mode.postgres && !postgresUrl) return `${mode.name} (skipped: DATABASE_URL is not set)`;
  if (mode.nats && !natsUrl) return `${mode.name} (skipped: NATS_URL is not set)`;
  return mode.name;
}

export interface Starling {
  platform: Platform;
  /** The PostgreSQL database it runs on, for a second replica to join. */
  databaseUrl: string | undefined;
  request(options: RequestOptions): Promise<LightMyRequestResponse>;
  /** Signs a user up and logs in: returns the user and a bearer token. */
  signUp(username: string, password?: string): Promise<{ id: string; token: string; username: string }>;
  close(): Promise<void>;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';
  url: string;
  json?: unknown;
  token?: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
  cookies?: Record<string, string>;
  remoteAddress?: string;
}

export interface StartOptions {
  /** Logs go here instead of nowhere (the default LOG_LEVEL is silent). */
  logger?: Logger;
  /** Join this PostgreSQL database (another replica's) instead of creating one. */
  databaseUrl?: string;
  /** Keep the embedded database in this folder, for a `starling` command to open after `close`, not in memory. */
  dataDir?: string;
}

/** Starts every service in this process on a fresh database, for `inject()` requests. */
export async function startStarling(
  mode: { postgres: boolean; nats?: boolean },
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<Starling> {
  const database = mode.postgres && !options.databaseUrl ? await createDatabase() : undefined;
  const databaseUrl = options.databaseUrl ?? database?.url ?? '';
  const bus = mode.nats ? natsNamespace() : undefined;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '1000/60',
    SIGNUP_RATE_LIMIT: '100000/60',
    // Mail written as files (no SMTP_URL) goes to a temporary folder, not ./data/mail.
    MAIL_DIR: join(tmpdir(), 'starling-test-mail'),
    // Eight schemas' pools per platform, two suites at once on one server of 100
    // connections: a few connections per schema keep every run within it.
    DATABASE_POOL_SIZE: '4',
    ...bus?.env,
    ...env,
    DATABASE_URL: databaseUrl,
  });
  const platform = await createPlatform({
    config,
    services: allServices(),
    revocations: tokenRevocations,
    dataDir: options.dataDir ?? 'memory://',
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await platform.start();
  const request = (o: RequestOptions) =>
    platform.app.inject({
      method: o.method ?? 'GET',
      url: o.url,
      remoteAddress: o.remoteAddress ?? '127.0.0.1',
      headers: {
        ...(o.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      ...(o.cookies ? { cookies: o.cookies } : {}),
      ...(o.json !== undefined
        ? { payload: JSON.stringify(o.json) }
        : o.payload !== undefined
          ? { payload: o.payload }
          : {}),
    });
  return {
    platform,
    databaseUrl: databaseUrl || undefined,
    request,
    async signUp(username, password = PASSWORD) {
      const created = await request({
        method: 'POST',
        url: '/api/v1/users',
        json: { username, email: `${username}@example.com`, password },
      });
      if (created.statusCode !== 201) throw new Error(`sign-up failed: ${created.statusCode} ${created.body}`);
      const login = await request({ method: 'POST', url: '/api/v1/auth/login', json: { username, password } });
      if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
      return { id: created.json().id, token: login.json().access_token, username };
    },
    async close() {
      await platform.close();
      await database?.drop();
      await bus?.drop();
    },
  };
}

/** A throwaway database on the DATABASE_URL server, so suites never share state. */
export async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!postgresUrl) throw new Error('DATABASE_URL is not set');
  const name = `starling_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * Streams of its own on the NATS_URL server (a fresh NATS_PREFIX), so suites sharing
 * one NATS never see each other's events; `drop` deletes them.
 */
export function natsNamespace(): { prefix: string; env: Record<string, string>; drop(): Promise<void> } {
  if (!natsUrl) throw new Error('NATS_URL is not set');
  const prefix = `test_${randomBytes(6).toString('hex')}`;
  return {
    prefix,
    // A loaded test machine may take longer than a production write should wait for
    // the other services' read models; the suites check that they show every write.
    env: { NATS_URL: natsUrl, NATS_PREFIX: prefix, CONSISTENCY_WAIT_MS: '10000' },
    async drop() {
      const nc = await connect({ servers: natsUrl.split(',') });
      try {
        const jsm = await jetstreamManager(nc);
        for await (const name of jsm.streams.names()) if (name.startsWith(`${prefix}_`)) await jsm.streams.delete(name);
      } finally {
        await nc.close();
      }
    },
  };
}

/**
 * Declares a suite once per mode (`apiModes`), titled with the mode; a mode that cannot
 * run here (PostgreSQL without DATABASE_URL, NATS without NATS_URL) is reported as
 * skipped, saying why.
 */
export function inEachStorageMode(
  title: string,
  suite: (mode: Mode) => void,
  options: { timeout?: number } = {},
): void {
  for (const mode of apiModes) {
    describe.skipIf(!modeIsAvailable(mode))(`${title} on ${modeTitle(mode)}`, options, () => suite(mode));
  }
}

/**
 * A Starling started before the suite's tests and closed after them. The handle is
 * usable inside tests and hooks declared after this call.
 */
export function useStarling(mode: { postgres: boolean; nats?: boolean }, env: Record<string, string> = {}): Starling {
  let current: Starling | undefined;
  beforeAll(async () => {
    current = await startStarling(mode, env);
  });
  afterAll(async () => current?.close());
  return new Proxy({} as Starling, {
    get(_target, key) {
      if (!current) throw new Error('Starling is not started yet: use it inside a test or a later hook');
      return current[key as keyof Starling];
    },
  });
}
