// The seeded data sets, built once with `starling seed` and cached: seeding the
// large set takes hours, a run must not pay for it twice.
//
//   embedded:  bench/.data/embedded-<users>-<tweets>/{data/, manifest.json}
//              (each run copies data/ to a temp DATA_DIR)
//   postgres:  database starling_bench_<users>_<tweets> on the DATABASE_URL server,
//              complete once its public.bench_dataset row is written (each run and
//              mode uses a `create database … template` copy)
//
// A cached set is reused while its key matches: the seed parameters and a hash of the
// migrations (the schema the data was written for). Otherwise it is seeded again.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

import { onCleanup } from './cleanup.js';
import {
  createDatabase,
  databaseExists,
  databaseUrl,
  dropDatabase,
  markOutboxesRelayed,
  readMarker,
  scratchCopy,
  vacuumAnalyze,
  writeMarker,
} from './postgres.js';

/**
 * The two sets of the issue. Both average 100 follows, so the small set is the large
 * one's shape at 1/100 the size and the growth between them is the cost of size.
 */
export const SETS = {
  small: { name: 'small', users: 60, tweets: 300, follows: 10 },
  large: { name: 'large', users: 100_000, tweets: 1_000_000, follows: 100 },
};
export const SEED = 'bench';
export const PASSWORD = 'correct horse battery';

/** What decides the data's schema: a change there makes a cached set unusable. */
function migrationFiles(root) {
  const files = [
    path.join(root, 'packages/kit/src/events/schema.ts'),
    path.join(root, 'packages/kit/src/db/migrate.ts'),
  ];
  const services = path.join(root, 'services');
  for (const service of readdirSync(services).sort()) {
    const dir = path.join(services, service, 'src', 'migrations');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) files.push(path.join(dir, file));
  }
  return files.filter((f) => existsSync(f));
}

/**
 * The cache key. The migrations are hashed by content, not only by commit, so a
 * migration being edited (uncommitted) is noticed too; the commit is kept for people.
 */
export function datasetKey(root, set) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ users: set.users, tweets: set.tweets, follows: set.follows, SEED, PASSWORD }));
  const files = migrationFiles(root);
  for (const file of files) hash.update(path.relative(root, file)).update(readFileSync(file));
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['log', '-1', '--format=%h', '--', ...files.map((f) => path.relative(root, f))], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Not a git checkout: the content hash alone decides.
  }
  return { key: hash.digest('hex').slice(0, 16), migrationsCommit: commit };
}

/** "Most followed: @ada (812), @bob (640), @cy (512)." from seed's summary → [{ username, followers }]. */
function parseTop(summary) {
  const line = /Most followed: (.*)$/m.exec(summary)?.[1] ?? '';
  return [...line.matchAll(/@([A-Za-z0-9_]+) \(([\d,]+)\)/g)].map((m) => ({
    username: m[1],
    followers: Number(m[2].replaceAll(',', '')),
  }));
}

/** `starling seed` into an empty database; progress passes through to our stderr. */
function runSeed(root, set, env, step) {
  const args = [
    path.join(root, 'bin', 'starling.js'),
    'seed',
    '--users',
    String(set.users),
    '--tweets',
    String(set.tweets),
    '--follows',
    String(set.follows),
    '--seed',
    SEED,
    '--password',
    PASSWORD,
  ];
  step(`seeding: node bin/starling.js ${args.slice(1).join(' ')}`);
  const began = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Ctrl-C in the middle of hours of seeding: stop it; the half-built set is discarded.
    onCleanup(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      for (const line of chunk.split(/[\r\n]+/).filter(Boolean)) step(`  seed: ${line}`);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve({ summary: stdout.trim(), seconds: (Date.now() - began) / 1000 });
      else reject(new Error(`starling seed failed (${signal ?? `exit code ${code}`})\n${stdout}`));
    });
  });
}

function manifestFor(root, set, built) {
  const { key, migrationsCommit } = datasetKey(root, set);
  return {
    key,
    migrationsCommit,
    set: set.name,
    users: set.users,
    tweets: set.tweets,
    follows: set.follows,
    seed: SEED,
    password: PASSWORD,
    top: built ? parseTop(built.summary) : [],
    seedSeconds: built?.seconds ?? null,
    builtAt: new Date().toISOString(),
    summary: built?.summary ?? '',
  };
}

/** Environment for seed and start: only the storage the mode asks for. */
function cleanEnv(extra) {
  const env = { ...process.env, LOG_LEVEL: 'warn', ...extra };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

const embeddedDir = (benchDir, set) => path.join(benchDir, '.data', `embedded-${set.users}-${set.tweets}`);

/**
 * The embedded set: seeded into `<dir>.building`, renamed into place only when
 * complete, so an interrupted build never passes for a cached one.
 */
export async function ensureEmbedded({ root, benchDir, set, rebuild, step }) {
  const dir = embeddedDir(benchDir, set);
  const expected = datasetKey(root, set).key;
  const manifestFile = path.join(dir, 'manifest.json');
  if (!rebuild && existsSync(manifestFile)) {
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    if (manifest.key === expected) {
      step(`embedded ${set.name} set: cached in ${path.relative(root, dir)} (built ${manifest.builtAt})`);
      return { dir, manifest };
    }
    step(`embedded ${set.name} set: the cached copy is for other migrations or parameters; seeding again`);
  }
  const building = `${dir}.building`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  const built = await runSeed(
    root,
    set,
    cleanEnv({ DATA_DIR: path.join(building, 'data'), DATABASE_URL: undefined, NATS_URL: undefined }),
    step,
  );
  const manifest = manifestFor(root, set, built);
  await writeFile(path.join(building, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(building, dir);
  step(`embedded ${set.name} set: seeded in ${Math.round(built.seconds)} s, cached in ${path.relative(root, dir)}`);
  return { dir, manifest };
}

/** A private copy of the embedded set's DATA_DIR for one run, removed at teardown. */
export async function checkoutEmbedded(dataset) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'starling-bench-'));
  onCleanup(() => rm(tmp, { recursive: true, force: true }));
  const dataDir = path.join(tmp, 'data');
  // The lock file of the process that seeded it is not part of the data.
  await cp(path.join(dataset.dir, 'data'), dataDir, {
    recursive: true,
    filter: (src) => path.basename(src) !== 'starling.pid',
  });
  return dataDir;
}

const templateName = (set) => `starling_bench_${set.users}_${set.tweets}`;

/** The PostgreSQL set: a template database, complete once its marker row is written. */
export async function ensurePostgres({ root, set, serverUrl, rebuild, step }) {
  const name = templateName(set);
  const url = databaseUrl(serverUrl, name);
  const expected = datasetKey(root, set).key;
  if (!rebuild && (await databaseExists(serverUrl, name))) {
    const manifest = await readMarker(url).catch(() => null);
    if (manifest?.key === expected) {
      step(`postgres ${set.name} set: cached in database ${name} (built ${manifest.builtAt})`);
      return { template: name, manifest };
    }
    step(
      `postgres ${set.name} set: database ${name} is ${manifest ? 'for other migrations or parameters' : 'incomplete'}; seeding again`,
    );
  }
  await dropDatabase(serverUrl, name);
  await createDatabase(serverUrl, name);
  const built = await runSeed(root, set, cleanEnv({ DATABASE_URL: url, NATS_URL: undefined }), step);
  step(`postgres ${set.name} set: marking the outboxes relayed, vacuum analyze`);
  await markOutboxesRelayed(url);
  await vacuumAnalyze(url);
  const manifest = manifestFor(root, set, built);
  await writeMarker(url, manifest);
  step(`postgres ${set.name} set: seeded in ${Math.round(built.seconds)} s, cached in database ${name}`);
  return { template: name, manifest };
}

/** A private copy of the PostgreSQL set for one mode of one run, dropped at teardown. */
export function checkoutPostgres(dataset, serverUrl) {
  return scratchCopy(serverUrl, dataset.template);
}
