import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventBus } from '@starling/kit';
import { LAG_LINE, lagReport, lagReportSeconds, reportLagEvery } from '@starling/cli/lag-report';
import {
  apiFunction,
  apiGatewayEvent,
  lambdaContext,
  localApiGateway,
  selectRoute,
  starlingApiRoutes,
  withSecrets,
  workerFunction,
  type LocalApiGateway,
  type ServiceFunction,
  type WorkerRun,
} from '@starling/cli/lambda';
import { roleNamed, SERVICES, urlVariable } from '@starling/cli/topology';
import {
  createDatabase,
  natsNamespace,
  natsUrl,
  PASSWORD,
  postgresUrl,
  startStarling,
  type Starling,
} from '../support/starling.js';
import { eventually } from '../support/assertions.js';

/*
 * The Lambda entry points (apps/cli/src/lambda), called as Lambda calls them, with API
 * Gateway's payload format 2.0 events: behind a stand-in for API Gateway that routes by
 * the generated definition, they answer Starling's core contract (sign up, log in,
 * post, read, list) exactly as the HTTP server does, each on its own PostgreSQL
 * database and NATS streams, while worker functions build the read models other
 * services' functions show.
 */

const routes = starlingApiRoutes();

describe('the API routes API Gateway is given', () => {
  const owner = (method: string, path: string) => selectRoute(routes, method, path)?.route.service;

  it('sends each request to the service that serves it, as the gateway does', () => {
    expect(owner('POST', '/api/v1/users')).toBe('identity');
    expect(owner('GET', '/api/v1/users/01J0000000000000000000000A')).toBe('identity');
    expect(owner('POST', '/api/v1/users/01J0000000000000000000000A/follow')).toBe('graph');
    expect(owner('GET', '/api/v2/tweets/01J0000000000000000000000A')).toBe('tweets');
    expect(owner('GET', '/api/v2/timelines/public')).toBe('timeline');
    expect(owner('GET', '/api/v1/statuses/1')).toBe('mastodon');
  });

  it('sends a method a contract lacks to the owner of the prefix, and an unknown API path to identity', () => {
    expect(owner('HEAD', '/api/v2/tweets/01J0000000000000000000000A')).toBe('tweets');
    expect(owner('OPTIONS', '/api/v2/timelines/home')).toBe('timeline');
    expect(owner('GET', '/api/v2/nothing/here')).toBe('identity');
    expect(owner('GET', '/index.html')).toBeUndefined();
  });
});

describe('secrets named in STARLING_SECRETS', () => {
  const store: Record<string, string> = {
    'arn:db': JSON.stringify({ username: 'starling', password: 'pg-secret', port: 5432 }),
    'arn:seal': 'seal-secret',
  };
  const read = async (id: string) => {
    if (!(id in store)) throw new Error(`no secret ${id}`);
    return store[id]!;
  };

  it('are read into the environment, a whole secret or one field of a JSON one', async () => {
    const env = await withSecrets(
      { STARLING_SECRETS: JSON.stringify({ PGPASSWORD: 'arn:db#password', MAIL_SEAL_KEY: 'arn:seal' }), KEEP: 'x' },
      read,
    );
    expect(env).toMatchObject({ PGPASSWORD: 'pg-secret', MAIL_SEAL_KEY: 'seal-secret', KEEP: 'x' });
  });

  it('fail naming the variable and field, never the secret', async () => {
    const missing = withSecrets({ STARLING_SECRETS: JSON.stringify({ PGPASSWORD: 'arn:db#pass' }) }, read);
    await expect(missing).rejects.toThrow(/PGPASSWORD has no field "pass"/);
    await expect(missing).rejects.not.toThrow(/pg-secret/);
    await expect(withSecrets({ STARLING_SECRETS: 'PGPASSWORD=arn:db' }, read)).rejects.toThrow(/JSON object/);
  });

  it('leave an environment that names none as it is', async () => {
    const env = { DATABASE_URL: 'postgres://x' };
    expect(await withSecrets(env, read)).toBe(env);
  });
});

describe('the backlog line a worker logs (LAG_REPORT_SECONDS), which the lag alarms read', () => {
  const bus = {
    lag: async () => [
      { consumer: 'timeline.home', lag: 3 },
      { consumer: 'timeline.public', lag: 4 },
      { consumer: 'bus.relay.timeline', lag: 2 },
    ],
  } as unknown as EventBus;

  it('sums the consumers and jobs apart from the relay', async () => {
    expect(await lagReport(bus)).toEqual({ projectionLag: 7, relayLag: 2 });
  });

  it('is logged every so many seconds, and never once stopped', async () => {
    vi.useFakeTimers();
    try {
      const lines: unknown[] = [];
      const log = { info: (fields: object, msg: string) => lines.push({ ...fields, msg }), warn: () => {} };
      const stop = reportLagEvery(60, bus, log, 'timeline-worker');
      await vi.advanceTimersByTimeAsync(120_000);
      stop();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(lines).toEqual([
        { role: 'timeline-worker', projectionLag: 7, relayLag: 2, msg: LAG_LINE },
        { role: 'timeline-worker', projectionLag: 7, relayLag: 2, msg: LAG_LINE },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('takes whole seconds, or nothing', () => {
    expect(lagReportSeconds({})).toBe(0);
    expect(lagReportSeconds({ LAG_REPORT_SECONDS: '60' })).toBe(60);
    expect(() => lagReportSeconds({ LAG_REPORT_SECONDS: '1m' })).toThrow(/LAG_REPORT_SECONDS="1m"/);
  });
});

const available = postgresUrl !== undefined && natsUrl !== undefined;
const why = !postgresUrl ? 'DATABASE_URL is not set' : 'NATS_URL is not set';

describe.skipIf(!available)(`the functions against PostgreSQL and NATS${available ? '' : ` (skipped: ${why})`}`, () => {
  let http: Starling;
  let httpBase: string;
  let gateway: LocalApiGateway;
  let functions: Record<string, ServiceFunction>;
  const cleanups: Array<() => Promise<unknown>> = [];
  let env: Record<string, string>;
  const stopWorkers = new AbortController();
  let workerRuns: Promise<WorkerRun[]>;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'starling-lambda-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const common = {
      LOGIN_RATE_LIMIT: '1000/60',
      SIGNUP_RATE_LIMIT: '100000/60',
      MAIL_DIR: join(dataDir, 'mail'),
      DATA_DIR: dataDir,
      MAIL_SEAL_KEY: randomBytes(32).toString('base64url'),
    };
    // The HTTP server: every service in one process, on a database and NATS streams of its own.
    http = await startStarling({ postgres: true, nats: true }, common);
    cleanups.push(() => http.close());
    await http.platform.app.listen({ port: 0, host: '127.0.0.1' });
    httpBase = `http://127.0.0.1:${(http.platform.app.server.address() as AddressInfo).port}`;

    // The functions: each service's own platform, as on Lambda, on another database and streams.
    const database = await createDatabase();
    const bus = natsNamespace();
    cleanups.push(
      () => database.drop(),
      () => bus.drop(),
    );
    env = {
      ...common,
      ...bus.env,
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '2',
      LOG_LEVEL: 'silent',
      TRUST_PROXY: 'false',
    };
    functions = Object.fromEntries(SERVICES.map((s) => [s.name, apiFunction(roleNamed(s.name)!, { env: () => env })]));
    gateway = await localApiGateway(routes, functions);
    // As on AWS: the functions reach identity's keys, and each other, through the API's own address.
    for (const service of SERVICES) env[urlVariable(service.name)] = gateway.url;
    env.PUBLIC_URL = gateway.url;
    cleanups.push(() => gateway.close(), ...Object.values(functions).map((f) => () => f.close()));

    // The workers whose read models the contract shows (a user's tweet count, the public
    // timeline), each one invocation long, as the schedule runs them on AWS.
    const remaining = () => (stopWorkers.signal.aborted ? 0 : 10 * 60_000);
    workerRuns = Promise.all(
      ['identity-worker', 'timeline-worker'].map((role) =>
        workerFunction(roleNamed(role)!, { env: () => env, stop: stopWorkers.signal })(
          {},
          { getRemainingTimeInMillis: remaining },
        ),
      ),
    );
    cleanups.push(async () => {
      stopWorkers.abort();
      await workerRuns;
    });
  }, 120_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }, 60_000);

  it('answer the core contract as the HTTP server does', async () => {
    const fromServer = await coreContract(httpBase);
    const fromFunctions = await coreContract(gateway.url);
    expect(fromFunctions.map((r) => `${r.step}: ${r.status}`)).toEqual(fromServer.map((r) => `${r.step}: ${r.status}`));
    expect(fromServer.map((r) => r.status)).toEqual([201, 400, 200, 201, 200, 304, 200, 404]);
    expect(fromFunctions).toEqual(fromServer);
  }, 60_000);

  it('take an event directly, as Lambda hands it over, and answer in payload format 2.0', async () => {
    const list = await functions.identity!(event('GET', '/api/v1/users', 'limit=1'), lambdaContext('identity'));
    expect(list.statusCode).toBe(200);
    expect(list.headers?.['content-type']).toMatch(/^application\/json/);
    expect(list.isBase64Encoded).toBe(false);
    expect(JSON.parse(list.body!).user_list.length).toBe(1);

    const stream = await functions.timeline!(event('GET', '/api/v2/streaming/home'), lambdaContext('timeline'));
    expect(stream.statusCode).toBe(501);
    expect(stream.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(stream.body!)).toMatchObject({
      status: 501,
      type: 'urn:starling:problem:live-stream-unavailable',
    });
  });

  it('run workers that bring the other services’ read models up to date, and tell their backlog', async () => {
    const login = await fetchJson(gateway.url, 'POST', '/api/v1/auth/login', { username: 'alice', password: PASSWORD });
    const posted = await fetchJson(
      gateway.url,
      'POST',
      '/api/v2/tweets',
      { body: 'seen by the timeline worker' },
      login.body.access_token,
    );
    expect(posted.status).toBe(201);
    // The public timeline is timeline's read model, built by its worker from tweets' events over NATS.
    await eventually(async () => {
      const timeline = await fetchJson(gateway.url, 'GET', '/api/v2/timelines/public');
      expect(JSON.stringify(timeline.body)).toContain('seen by the timeline worker');
    }, 20_000);

    stopWorkers.abort();
    const runs = await workerRuns;
    expect(runs).toEqual([
      expect.objectContaining({ role: 'identity-worker', projectionLag: 0, relayLag: 0 }),
      expect.objectContaining({ role: 'timeline-worker', projectionLag: 0, relayLag: 0 }),
    ]);
  }, 60_000);
});

interface Step {
  step: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Sign up, log in, post a tweet, read it (and again, conditionally), list users; the answers, made comparable. */
async function coreContract(base: string): Promise<Step[]> {
  const steps: Step[] = [];
  const call = async (step: string, method: string, path: string, json?: unknown, token?: string, etag?: string) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(etag ? { 'if-none-match': etag } : {}),
      },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
    const text = await res.text();
    const body = text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
    steps.push({
      step,
      status: res.status,
      headers: comparableHeaders(res.headers, base),
      body: comparable(body, base),
    });
    return { body, etag: res.headers.get('etag') ?? undefined };
  };
  const user = { username: 'alice', email: 'alice@example.com', password: PASSWORD };
  await call('sign up', 'POST', '/api/v1/users', user);
  await call('sign up, badly', 'POST', '/api/v1/users', { username: 'x' });
  const login = await call('log in', 'POST', '/api/v1/auth/login', { username: 'alice', password: PASSWORD });
  const token = login.body.access_token as string;
  const posted = await call('post a tweet', 'POST', '/api/v2/tweets', { body: 'hello from a function' }, token);
  const read = await call('read it', 'GET', `/api/v2/tweets/${posted.body.id}`);
  await call('read it if changed', 'GET', `/api/v2/tweets/${posted.body.id}`, undefined, undefined, read.etag);
  // A user's count of tweets is identity's read model of tweets' events: in each
  // deployment it shows the tweet once the bus has carried it there.
  await eventually(async () => {
    expect((await fetchJson(base, 'GET', '/api/v1/users')).body.user_list[0].tweets_count).toBe(1);
  }, 20_000);
  await call('list users', 'GET', '/api/v1/users');
  await call('an unknown path', 'GET', '/api/v2/nothing-here');
  return steps;
}

const HEADERS = ['content-type', 'etag', 'location', 'link', 'cache-control', 'www-authenticate', 'vary'];

function comparableHeaders(headers: Headers, base: string): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = comparable(value, base) as string;
  }
  const cookies = headers.getSetCookie().map((c) => c.replace(/=[^;]*/, '=<value>'));
  if (cookies.length) kept['set-cookie'] = cookies.sort().join(' | ');
  return kept;
}

/** What differs between two deployments by nature (ids, times, tokens, the address) made alike. */
function comparable(value: unknown, base: string, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => comparable(v, base));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v, base, k)]));
  }
  if (typeof value !== 'string') return value;
  if (/token/i.test(key)) return '<token>';
  return value
    .split(base)
    .join('<base>')
    .replace(/\b[0-9A-HJKMNP-TV-Z]{26}\b/g, '<id>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g, '<time>')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '<jwt>');
}

async function fetchJson(base: string, method: string, path: string, json?: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  return { status: res.status, body: await res.json() };
}

function event(method: string, path: string, query = ''): APIGatewayProxyEventV2 {
  return apiGatewayEvent({
    method,
    url: query ? `${path}?${query}` : path,
    routeKey: `${method} ${selectRoute(routes, method, path)!.route.path}`,
    headers: { host: 'api.example.com', 'user-agent': 'test' },
    sourceIp: '203.0.113.7',
  });
}
