import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import pg from 'pg';
import { createPlatform, loadConfig, type Platform } from '@starling/kit';
import { allServices } from '@starling/cli/services';
import type { LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';

/**
 * The storage modes every API suite runs in: embedded PGlite always, and PostgreSQL
 * when DATABASE_URL is set. Without it the PostgreSQL runs are reported as skipped.
 */
export const storageModes = [
  { name: 'embedded PGlite', postgres: false },
  { name: 'PostgreSQL', postgres: true },
] as const;

export const postgresUrl = process.env.DATABASE_URL || undefined;

export function modeIsAvailable(mode: (typeof storageModes)[number]): boolean {
  return !mode.postgres || postgresUrl !== undefined;
}

export const modeTitle = (mode: (typeof storageModes)[number]) =>
  modeIsAvailable(mode) ? mode.name : `${mode.name} (skipped: DATABASE_URL is not set)`;

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
  payload?: string;
  cookies?: Record<string, string>;
  remoteAddress?: string;
}

export interface StartOptions {
  /** Logs go here instead of nowhere (the default LOG_LEVEL is silent). */
  logger?: Logger;
  /** Join this PostgreSQL database (another replica's) instead of creating one. */
  databaseUrl?: string;
}

/** Starts every service in this process on a fresh database, for `inject()` requests. */
export async function startStarling(
  mode: { postgres: boolean },
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<Starling> {
  const database = mode.postgres && !options.databaseUrl ? await createDatabase() : undefined;
  const databaseUrl = options.databaseUrl ?? database?.url ?? '';
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '1000/60',
    ...env,
    DATABASE_URL: databaseUrl,
  });
  const platform = await createPlatform({
    config,
    services: allServices(),
    dataDir: 'memory://',
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
    async signUp(username, password = 'correct horse battery') {
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
 * Declares a suite once per storage mode, titled with the mode; a mode that cannot run
 * here (PostgreSQL without DATABASE_URL) is reported as skipped, saying why.
 */
export function inEachStorageMode(
  title: string,
  suite: (mode: (typeof storageModes)[number]) => void,
  options: { timeout?: number } = {},
): void {
  for (const mode of storageModes) {
    describe.skipIf(!modeIsAvailable(mode))(`${title} on ${modeTitle(mode)}`, options, () => suite(mode));
  }
}

/**
 * A Starling started before the suite's tests and closed after them. The handle is
 * usable inside tests and hooks declared after this call.
 */
export function useStarling(mode: { postgres: boolean }, env: Record<string, string> = {}): Starling {
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
