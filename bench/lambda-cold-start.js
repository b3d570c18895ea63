// Cold starts of Starling's Lambda functions, measured on this machine.
//
//   DATABASE_URL=postgres://… NATS_URL=nats://… npm run bench:lambda [-- --runs N] [--no-write]
//
// For every service's API function (apps/cli/src/lambda): a fresh node process loads
// the handler module and calls it with API Gateway's event for one of the service's
// own operations, N times (default 3), on an already migrated database. A cold start is
// the process's start to the first answer: the runtime's boot, the module's load (the
// init phase), then the first call, which reads the configuration, opens PostgreSQL and
// NATS, checks the migrations and catches up the service's own read models. The warm
// call after it is the same request again. The other services answer on this machine
// through a stand-in for API Gateway, as the functions reach each other through the
// API on AWS. One Markdown table goes to stdout and to bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

import { cleanup, cleanupOnSignals, onCleanup } from './lib/cleanup.js';
import { natsNamespace } from './lib/nats.js';
import { appendResults, fmt, gitRevision, machineDescription } from './lib/report.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const INVOKE = path.join(BENCH_DIR, 'lib', 'lambda-invoke.js');
const step = (msg) => console.error(`bench:lambda: ${msg}`);

const { values: flags } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, 'no-write': { type: 'boolean', default: false } },
});
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs expects a positive integer, got "${flags.runs}"`);
const { DATABASE_URL, NATS_URL } = process.env;
if (!DATABASE_URL || !NATS_URL) {
  console.error('bench:lambda needs DATABASE_URL (PostgreSQL) and NATS_URL (NATS with JetStream)');
  process.exit(2);
}

const lambda = await import(path.join(ROOT, 'apps/cli/dist/lambda/index.js'));
const { roleNamed, SERVICES, urlVariable } = await import(path.join(ROOT, 'apps/cli/dist/topology.js'));

cleanupOnSignals();
try {
  const env = await environment();
  const routes = lambda.starlingApiRoutes();
  // The others' functions, in this process behind the stand-in for API Gateway; the
  // first call of each migrates its schema, so the measured starts find it migrated.
  const functions = Object.fromEntries(
    SERVICES.map((s) => [s.name, lambda.apiFunction(roleNamed(s.name), { env: () => env })]),
  );
  const gateway = await lambda.localApiGateway(routes, functions);
  onCleanup(() => gateway.close());
  for (const f of Object.values(functions)) onCleanup(() => f.close());
  for (const service of SERVICES) env[urlVariable(service.name)] = gateway.url;
  env.PUBLIC_URL = gateway.url;

  const rows = [];
  for (const service of SERVICES) {
    const request = requestFor(routes, service.name);
    const event = lambda.apiGatewayEvent({
      method: 'GET',
      url: request.url,
      routeKey: request.routeKey,
      headers: { host: 'api.example.com', 'user-agent': 'bench' },
    });
    await fetch(`${gateway.url}${request.url}`); // migrated before the first measured start
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await coldStart(service.name, event, env));
    step(`${service.name}: ${samples.map((s) => Math.round(s.coldMs)).join(', ')} ms`);
    rows.push({ service: service.name, request: `GET ${request.url}`, samples });
  }
  report(rows);
} finally {
  await cleanup();
}

/** The settings a function gets on AWS, on a database and NATS streams of the bench's own. */
async function environment() {
  const name = `bench_lambda_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  onCleanup(async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'starling-bench-lambda-'));
  onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: url.toString(),
    DATABASE_POOL_SIZE: '2',
    NATS_URL,
    NATS_PREFIX: natsNamespace(NATS_URL),
    LOG_LEVEL: 'silent',
    TRUST_PROXY: 'false',
    DATA_DIR: dataDir,
    MAIL_SEAL_KEY: randomBytes(32).toString('base64url'),
  };
}

/** The service's first GET without parameters that is not a live stream; else its first GET, with a made-up id. */
function requestFor(routes, service) {
  const gets = routes.filter((r) => r.service === service && r.method === 'GET' && r.operationId && !r.live);
  const route = gets.find((r) => !r.path.includes('{')) ?? gets[0];
  return { url: route.path.replace(/\{[^}]+\}/g, '01J0000000000000000000000A'), routeKey: `GET ${route.path}` };
}

function coldStart(role, event, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [INVOKE, role, JSON.stringify(event)], { env, cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) return reject(new Error(`${role}: exit ${code}\n${err}`));
      resolve(JSON.parse(line));
    });
  });
}

function report(rows) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const lines = [
    '| function | request | status | init ms | cold start ms | warm call ms | notes |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const { service, request, samples } of rows) {
    const cold = samples.map((s) => s.coldMs);
    lines.push(
      `| ${service} | ${request} | ${samples[0].status} | ${fmt(median(samples.map((s) => s.initMs)))} | ` +
        `${fmt(median(cold))} | ${fmt(median(samples.map((s) => s.warmMs)), 1)} | ` +
        `median of ${samples.length}: ${cold.map((c) => fmt(c)).join(', ')} |`,
    );
  }
  const table = lines.join('\n');
  console.log(table);
  if (flags['no-write']) return;
  const argv = process.argv.slice(2);
  appendResults(path.join(BENCH_DIR, 'RESULTS.md'), {
    date: new Date().toISOString(),
    revision: gitRevision(ROOT),
    machine: machineDescription(),
    command: argv.length ? `npm run bench:lambda -- ${argv.join(' ')}` : 'npm run bench:lambda',
    details: [
      'Lambda functions (apps/cli/src/lambda), cold start on this machine: a fresh node process per start, on PostgreSQL and NATS here, a migrated database',
      "`init` = process start to the handler module loaded (Lambda's init phase); `cold start` = process start to the first answer (init, then the first call: settings, PostgreSQL and NATS opened, migrations checked, own read models caught up); `warm call` = the same request once more",
    ],
    table,
    lines: [
      'On AWS a cold start adds what this machine does not: pulling the image (cached after the first start of an instance), and the first connections from the VPC to RDS and NATS (the same network, a millisecond each).',
    ],
  });
}
