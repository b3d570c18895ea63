// Starling's benchmark suite.
//
//   npm run bench -- [--quick] [--small] [--large] [--modes embedded,postgres,distributed]
//                    [--distributed] [--duration N] [--connections N] [--rebuild] [--no-write]
//
// For each data set (small: 1,000 users / 10,000 tweets; large: 100,000 / 1,000,000,
// both seeded by `starling seed` once and cached, see lib/datasets.js) and each mode
// (embedded PGlite; PostgreSQL + NATS; distributed with 2 replicas behind the gateway):
//
//   1. home timeline (many users)   2. public timeline   3. one tweet by id
//   4. posting, with fan-out, reading one's own posts back   5. login
//   6. 90% reads / 10% posts        7. fan-out delay of a very followed account's post
//   8. cold start                   9. media: pictures uploaded until converted, beside
//                                      sharp alone converting them
//  10. the Mastodon API's home timeline
//  11, 12. 10,000 live streams (home SSE; Mastodon's WebSocket) and one post to all
//  13. 10,000 like notifications recorded; 14, 15. the mail and webhook calls they make
//
// Load scenarios run autocannon (warm-up discarded) and sample the server's peak RSS
// (and, from /metrics, its V8 heap and external memory). Then a bare node:http server
// answers a body of scenario 1's size: the ceiling, the most this machine and load
// generator could do. One Markdown table, with how the run meets the issue's targets,
// goes to stdout and is appended to bench/RESULTS.md with the date, the commit and the
// command.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseFlags } from './lib/args.js';
import { cleanup, cleanupOnSignals, interruptedExitCode, onCleanup, throwIfInterrupted } from './lib/cleanup.js';
import {
  checkoutEmbedded,
  checkoutPostgres,
  releaseCheckout,
  datasetKey,
  ensureEmbedded,
  ensurePostgres,
  PASSWORD,
  SETS,
} from './lib/datasets.js';
import { measure } from './lib/load.js';
import { natsNamespace } from './lib/nats.js';
import { loginPool, probeHomes } from './lib/people.js';
import { freePort, spawnNode, stopChild, waitForReady } from './lib/process.js';
import {
  appendResults,
  commandLine,
  fmt,
  formatTable,
  gitRevision,
  growthLine,
  machineDescription,
  mastodonLine,
  memoryLines,
  ratioLine,
} from './lib/report.js';
import { coldStart } from './lib/scenarios/coldstart.js';
import { fanoutDelay } from './lib/scenarios/fanout.js';
import { mastodonHomeTimeline } from './lib/scenarios/mastodon.js';
import { mediaPipeline } from './lib/scenarios/media.js';
import { mixed } from './lib/scenarios/mixed.js';
import { notifications } from './lib/scenarios/notifications.js';
import { homeTimeline, publicTimeline, tweetById } from './lib/scenarios/reads.js';
import { streaming } from './lib/scenarios/streaming.js';
import { login, postTweet } from './lib/scenarios/writes.js';
import { startSmtpSink, startWebhookReceiver } from './lib/sinks.js';
import { assertAlive, DISTRIBUTED_POOL_SIZE, launch, REPLICAS, waitForIdle, waitUntilServing } from './lib/starling.js';
import { targetLines } from './lib/targets.js';
import { signingKey, TokenCache, TOKEN_TTL_SECONDS } from './lib/tokens.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const BARE_SERVER = path.join(BENCH_DIR, 'bare-server.js');
const RESULTS = path.join(BENCH_DIR, 'RESULTS.md');

const began = performance.now();
// Progress goes to stderr so stdout carries only the report.
const step = (msg) => console.error(`bench [${Math.round((performance.now() - began) / 1000)} s]: ${msg}`);

/**
 * The scenarios in the order they run: reads before writes, so the reads see the
 * seeded data as cached (the Mastodon API's home right after Starling's own, so the two
 * are compared in the same conditions); login before posting for the same reason; the
 * fan-out delay and the streams on a quiet server; cold start last, as it restarts the
 * server. A scenario returns one row, or several (streams, notifications).
 */
const LOAD_SCENARIOS = [
  [1, 'home timeline', homeTimeline],
  [10, 'Mastodon API home timeline', mastodonHomeTimeline],
  [2, 'public timeline', publicTimeline],
  [3, 'one tweet', tweetById],
  [5, 'login', login],
  [4, 'posting', postTweet],
  [6, 'mixed', mixed],
  [7, 'fan-out delay', fanoutDelay],
  [9, 'media pipeline', mediaPipeline],
  [11, 'streaming', streaming],
  [13, 'notifications, mail and webhooks', notifications],
];

/** What each mode runs on: a private copy of the cached data set, and NATS streams of its own. */
async function storageFor(mode, datasets) {
  if (mode === 'embedded') return checkoutEmbedded(datasets.embedded);
  return {
    DATABASE_URL: await checkoutPostgres(datasets.postgres, process.env.DATABASE_URL),
    NATS_URL: process.env.NATS_URL,
    NATS_PREFIX: natsNamespace(process.env.NATS_URL),
  };
}

const failedRow = (n, scenario, err) => ({
  n,
  scenario,
  rps: null,
  p50: null,
  p99: null,
  errors: null,
  rssMb: null,
  maxRssMb: null,
  notes: `FAILED: ${err.message.split('\n')[0]}`,
});

/** Every scenario of one mode on one data set. Returns its rows and scenario 1's body size. */
async function runMode(mode, set, datasets, config, runTag, sinks) {
  const label = `${set.name}/${mode}`;
  const storageKind = mode === 'embedded' ? 'embedded' : 'postgres';
  const dataset = datasets[storageKind];
  step(`${label}: copying the cached data set`);
  const storage = await storageFor(mode, datasets);
  // One signing key for every mode and run, long-lived tokens: see lib/tokens.js.
  // Mail and webhook calls go to the bench's own sinks (lib/sinks.js), on 127.0.0.1.
  const env = {
    AUTH_SIGNING_KEY: signingKey(BENCH_DIR),
    ACCESS_TOKEN_TTL: String(TOKEN_TTL_SECONDS),
    SMTP_URL: sinks.smtp.url,
    WEBHOOK_ALLOW_PRIVATE: 'true',
  };
  const start = () => launch(mode, { root: ROOT, storage, env });

  try {
    step(
      `${label}: starting Starling${mode === 'distributed' ? ` (starling up --distributed --replicas ${REPLICAS})` : ''}`,
    );
    const instance = await start();
    try {
      return await measureMode(instance, {
        label,
        storageKind,
        dataset,
        config,
        runTag,
        start,
        set,
        mode,
        sinks,
        signingJwk: env.AUTH_SIGNING_KEY,
      });
    } finally {
      // Stopped already on success; on a failure, stop it now rather than at the very end.
      await instance.stop();
    }
  } finally {
    // The copy goes as soon as its mode is done, not at the end of the run: two copies
    // of the large set at once filled a disk that had room for one.
    await releaseCheckout(storage, process.env.DATABASE_URL);
  }
}

/** The scenarios, on an instance just started; cold start starts it again with `start`. */
async function measureMode(
  instance,
  { label, storageKind, dataset, config, runTag, start, set, mode, sinks, signingJwk },
) {
  await waitUntilServing(instance);
  await waitForIdle(instance);

  const tokenCache = new TokenCache(BENCH_DIR, storageKind, dataset.manifest);
  await tokenCache.validate(instance.baseUrl);
  const { pool, loggedIn } = await loginPool(instance.baseUrl, dataset.manifest, PASSWORD, config.pool, tokenCache);
  step(`${label}: ${pool.length} seeded users ready (${loggedIn} logged in now, the rest from the token cache)`);
  const probe = await probeHomes(instance.baseUrl, pool);
  if (probe.emptyHomes > 0) step(`${label}: warning: ${probe.emptyHomes} of the probed home timelines are empty`);

  const ctx = {
    instance,
    config,
    pool,
    tokenCache,
    tweetIds: probe.tweetIds,
    manifest: dataset.manifest,
    password: PASSWORD,
    runTag,
    sinks,
    signingJwk,
  };
  const rows = [];
  for (const [n, name, scenario] of LOAD_SCENARIOS) {
    throwIfInterrupted();
    step(`${label}: ${n}. ${name}`);
    try {
      // A server that died does not come back (embedded, postgres): say so, with its output.
      assertAlive(instance);
      for (const row of [await scenario(ctx)].flat()) {
        if (row.errors > 0 && row.timeouts !== undefined) {
          const other = row.errors - row.timeouts - row.non2xx - (row.readBack?.misses ?? 0);
          row.notes +=
            `; errors: ${row.timeouts} timeouts, ${row.non2xx} non-2xx` +
            (row.readBack?.misses > 0 ? `, ${row.readBack.misses} own posts not read back` : '') +
            (other > 0 ? `, ${other} other` : '');
        }
        const largest = row.largestPid ? instance.nameOf(row.largestPid) : null;
        if (largest) row.notes = [row.notes, `largest process: ${largest}`].filter(Boolean).join('; ');
        // What autocannon left in flight when it stopped is work the server still owed.
        if (row.settleSeconds > 1)
          row.notes += `; ${row.settleSeconds.toFixed(1)} s to answer the requests left in flight`;
        rows.push(row);
      }
    } catch (err) {
      if (interruptedExitCode() !== null) throw err;
      step(`${label}: ${name} failed: ${err.message}`);
      // The server's own account of it (its warnings and errors), when it is still the one that failed.
      const output = err.output ?? (instance.proc.stderr() || instance.proc.stdout());
      if (output) console.error(`--- server output ---\n${output.trimEnd().slice(-8_000)}\n---------------------`);
      rows.push(failedRow(n, name, err));
    }
  }
  const warnings = instance.exits().map((e) => `${label}: ${e} exited during the load scenarios and was restarted.`);
  await instance.stop();

  step(`${label}: cold start ×${config.coldStarts}`);
  try {
    rows.push(await coldStart({ config, relaunch: start }));
  } catch (err) {
    if (interruptedExitCode() !== null) throw err;
    step(`${label}: cold start failed: ${err.message}`);
    rows.push(failedRow(8, 'cold start to the first 200', err));
  }
  rows.sort((a, b) => (a.n ?? 99) - (b.n ?? 99));
  return { rows: rows.map((r) => ({ set: set.name, mode, ...r })), bodyBytes: probe.bodyBytes, warnings };
}

/** The bare node:http ceiling, answering `bodyBytes` bytes to every request. */
async function runCeiling(bodyBytes, config) {
  const port = await freePort();
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), BODY_BYTES: String(bodyBytes) };
  const proc = spawnNode(BARE_SERVER, [], { cwd: ROOT, env });
  onCleanup(() => stopChild(proc));
  const url = `http://127.0.0.1:${port}/api/v2/timelines/home?limit=20`;
  // It answers every path, so any path is its readiness probe.
  await waitForReady(url, proc);
  const result = await measure({ url }, config, () => [proc.child.pid]);
  await stopChild(proc);
  return { ...result, bodyBytes };
}

async function main() {
  const argv = process.argv.slice(2);
  const config = parseFlags(argv);
  cleanupOnSignals();
  // Read before we touch RESULTS.md, so our own append does not mark the tree dirty.
  const revision = gitRevision(ROOT);
  const machine = machineDescription();
  const runTag = Date.now().toString(36);
  for (const skipped of config.skipped) step(`skipping ${skipped}`);
  const { migrationsCommit, uncommitted } = datasetKey(ROOT, SETS.small);
  const migrationNote = uncommitted
    ? `the migrations have uncommitted changes: cached data sets are those of ${migrationsCommit}, migrated forward by Starling at start`
    : null;
  if (migrationNote) step(`warning: ${migrationNote}`);
  step(`plan: ${config.sets.map((s) => `${s} set: ${config.plan[s].join(', ')}`).join('; ')}`);
  if (config.sets.includes('large')) {
    step(
      'note: the large set (100,000 users, 1,000,000 tweets) takes about an hour to seed the first time ' +
        'and 35 GB or more in PostgreSQL, twice while a mode runs on its copy; it is cached afterwards ' +
        '(a starling_bench_* database); see bench/README.md',
    );
  }

  const rows = [];
  const lines = [];
  const details = [];
  let failed = false;
  const sinks = { smtp: await startSmtpSink(), webhooks: await startWebhookReceiver() };
  for (const setName of config.sets) {
    const set = SETS[setName];
    const modes = config.plan[setName];
    const datasets = {};
    if (modes.includes('embedded')) {
      datasets.embedded = await ensureEmbedded({ root: ROOT, benchDir: BENCH_DIR, set, rebuild: config.rebuild, step });
    }
    if (modes.some((m) => m !== 'embedded')) {
      datasets.postgres = await ensurePostgres({
        root: ROOT,
        set,
        serverUrl: process.env.DATABASE_URL,
        rebuild: config.rebuild,
        step,
      });
    }
    for (const [storage, ds] of Object.entries(datasets)) {
      const m = ds.manifest;
      details.push(
        `${set.name} set (${storage}): ${fmt(m.users)} users, ${fmt(m.tweets)} tweets, ${m.follows} follows on ` +
          `average, seed "${m.seed}", migrations ${m.migrationsCommit} (key ${m.key}); most followed: ` +
          m.top.map((t) => `@${t.username} (${fmt(t.followers)})`).join(', '),
      );
    }

    let bodyBytes = null;
    for (const mode of modes) {
      try {
        const result = await runMode(mode, set, datasets, config, runTag, sinks);
        rows.push(...result.rows);
        lines.push(...result.warnings);
        bodyBytes ??= result.bodyBytes;
        failed ||= result.rows.some((r) => r.notes.startsWith('FAILED'));
      } catch (err) {
        if (interruptedExitCode() !== null) throw err;
        step(`${set.name}/${mode} failed: ${err.message}`);
        if (err.output) console.error(`--- server output ---\n${err.output.trimEnd()}\n---------------------`);
        rows.push({ set: set.name, mode, ...failedRow(null, 'the mode', err) });
        failed = true;
      }
    }
    if (bodyBytes !== null) {
      step(`${set.name}: ceiling, bare node http with a ${bodyBytes}-byte body`);
      const ceiling = await runCeiling(bodyBytes, config);
      rows.push({
        set: set.name,
        mode: 'bare node http',
        n: null,
        scenario: `ceiling: scenario 1's body size (${fmt(bodyBytes)} bytes)`,
        ...ceiling,
        notes: '',
      });
      lines.push(ratioLine(set.name, ceiling, rows));
    }
    const mastodon = mastodonLine(set.name, rows);
    if (mastodon) lines.push(mastodon);
    lines.push(...memoryLines(set.name, rows));
  }
  const growth = growthLine(rows);
  if (growth) lines.push(growth);
  for (const skipped of config.skipped) lines.push(`Skipped ${skipped}.`);
  lines.push(targetLines(rows).join('\n'));

  const table = formatTable(rows);
  console.log(`\n${table}\n\n${lines.join('\n\n')}\n`);
  step(`done in ${Math.round((performance.now() - began) / 1000)} s`);

  if (config.write) {
    appendResults(RESULTS, {
      date: new Date().toISOString(),
      revision,
      machine,
      command: commandLine(argv),
      details: [
        ...details,
        ...(migrationNote ? [migrationNote] : []),
        `load: ${config.connections} connections, ${config.warmup} s warm-up + ${config.duration} s per scenario ` +
          `(login: 4 connections, at least 6 s; posting ${config.quick ? 'at least 10 s' : '60 s'}; mixed at least 6 s; ` +
          `Mastodon API home at least 10 s; ` +
          `${fmt(config.streams)} streams; see bench/README.md); ` +
          `a pool of ${config.pool} users; distributed: ${REPLICAS}, DATABASE_POOL_SIZE=` +
          `${process.env.DATABASE_POOL_SIZE || DISTRIBUTED_POOL_SIZE}; wall time ${Math.round((performance.now() - began) / 1000)} s`,
      ],
      table,
      lines,
    });
    step(`appended to ${path.relative(ROOT, RESULTS)}`);
  }
  return failed ? 1 : 0;
}

try {
  const code = await main();
  await cleanup();
  // autocannon can leave timers behind; the run is over either way.
  process.exit(code);
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
