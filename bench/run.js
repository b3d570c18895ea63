// Throughput benchmark for Starling's hottest read, next to its ceiling.
//
//   npm run bench -- [--quick] [--duration N] [--connections N] [--postgres] [--no-write]
//
// 1. Start `node bin/starling.js start` on a free port with a fresh data dir.
// 2. Seed one user and N tweets through the public API.
// 3. Load GET /api/v2/tweets?limit=20 with autocannon (warm-up discarded),
//    sampling the server's peak RSS.
// 4. Load a bare node:http server that returns a body of the same size:
//    the most this machine and this load generator could possibly do.
// 5. Print a Markdown table and append it to bench/RESULTS.md.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { fileURLToPath } from 'node:url';

import { parseFlags } from './lib/args.js';
import { cleanup, cleanupOnSignals, onCleanup, interruptedExitCode } from './lib/cleanup.js';
import { measure } from './lib/load.js';
import { freePort, spawnNode, startRssSampler, stopChild, waitForReady } from './lib/process.js';
import { appendResults, commandLine, formatTable, gitRevision, machineDescription, ratioLine } from './lib/report.js';
import { createUserAndLogin, postTweets, probe } from './lib/seed.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const STARLING = path.join(ROOT, 'bin', 'starling.js');
const BARE_SERVER = path.join(BENCH_DIR, 'bare-server.js');
const RESULTS = path.join(BENCH_DIR, 'RESULTS.md');
const SCENARIO_PATH = '/api/v2/tweets?limit=20';

// Progress goes to stderr so stdout carries only the report.
const step = (msg) => console.error(`bench: ${msg}`);

/** Spawn a node script, register its teardown, and wait for it to answer. */
async function startServer(script, args, env, readyPath) {
  const port = await freePort();
  const proc = spawnNode(script, args, { cwd: ROOT, env: { ...env, PORT: String(port) } });
  onCleanup(() => stopChild(proc));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(`${baseUrl}${readyPath}`, proc);
  return { proc, baseUrl, port };
}

/**
 * Starling in embedded mode by default. --postgres runs it on a scratch database made
 * on the DATABASE_URL server for this run and dropped after it.
 */
async function startStarling({ postgres }) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'starling-bench-'));
  onCleanup(() => rm(dataDir, { recursive: true, force: true }));

  const env = { ...process.env, HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  // An inherited DATABASE_URL (CI exports one) would silently turn an
  // "embedded" run into a Postgres one.
  if (!postgres) delete env.DATABASE_URL;
  else env.DATABASE_URL = await scratchDatabase(process.env.DATABASE_URL);

  return startServer(STARLING, ['start'], env, '/readyz');
}

async function scratchDatabase(serverUrl) {
  const name = `starling_bench_${Date.now().toString(36)}`;
  const admin = async (statement) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  onCleanup(() => admin(`drop database if exists ${name} with (force)`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The ceiling server; it answers every path, so /readyz doubles as its probe. */
function startBareServer(bodyBytes) {
  // bare-server.js takes PORT from the environment when argv has none; startServer sets it.
  const env = { ...process.env, HOST: '127.0.0.1', BODY_BYTES: String(bodyBytes) };
  return startServer(BARE_SERVER, [], env, '/readyz');
}

/** Load one server and bracket the run with RSS sampling. */
async function loadWithRss(server, config) {
  const sampler = startRssSampler(server.proc.child.pid);
  const result = await measure(`${server.baseUrl}${SCENARIO_PATH}`, config);
  return { ...result, rssMb: sampler.stop() };
}

async function main() {
  const argv = process.argv.slice(2);
  const config = parseFlags(argv);
  cleanupOnSignals();

  if (config.postgres && !process.env.DATABASE_URL) {
    throw new Error('--postgres needs DATABASE_URL in the environment');
  }
  const mode = config.postgres ? 'postgres' : 'embedded';
  // Read before we touch RESULTS.md, so our own append does not mark the tree dirty.
  const revision = gitRevision(ROOT);

  step(`starting Starling (${mode})`);
  const starling = await startStarling(config);

  step(`seeding bench_user and ${config.tweets} tweets`);
  const token = await createUserAndLogin(starling.baseUrl);
  await postTweets(starling.baseUrl, token, config.tweets);

  const sample = await probe(`${starling.baseUrl}${SCENARIO_PATH}`);
  if (sample.status !== 200) throw new Error(`GET ${SCENARIO_PATH} returned ${sample.status}, expected 200`);

  step(
    `loading GET ${SCENARIO_PATH}: ${config.connections} connections, ${config.warmup} s warm-up + ${config.duration} s`,
  );
  const scenario = await loadWithRss(starling, config);
  // Stop Starling first so it cannot steal CPU from the ceiling run.
  await stopChild(starling.proc);

  step(`loading bare node http with a ${sample.bytes}-byte body`);
  const bare = await startBareServer(sample.bytes);
  const ceiling = await loadWithRss(bare, config);
  await stopChild(bare.proc);

  const table = formatTable([
    { scenario: `GET ${SCENARIO_PATH} (${mode})`, ...scenario },
    { scenario: `bare node http, same body (${sample.bytes} bytes)`, ...ceiling },
  ]);
  const ratio = ratioLine(scenario.rps, ceiling.rps);
  console.log(`\n${table}\n\n${ratio}\n`);
  if (scenario.errors > 0) step(`warning: ${scenario.errors} errors/non-2xx responses in the scenario run`);

  if (config.write) {
    appendResults(RESULTS, {
      date: new Date().toISOString(),
      revision,
      machine: machineDescription(),
      command: commandLine(argv),
      table,
      ratio,
    });
    step(`appended to ${path.relative(ROOT, RESULTS)}`);
  }
}

try {
  await main();
  await cleanup();
  // autocannon can leave timers behind; the run is over either way.
  process.exit(0);
} catch (err) {
  // Teardown after Ctrl-C kills the children, which makes whatever was
  // waiting on them fail: that is not worth reporting.
  if (interruptedExitCode() !== null) {
    await cleanup();
    process.exit(interruptedExitCode());
  }
  console.error(`bench: ${err.message}`);
  if (err.output) console.error(`--- server output ---\n${err.output.trimEnd()}\n---------------------`);
  await cleanup();
  process.exit(1);
}
