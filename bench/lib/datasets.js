// The seeded data sets, built once with `starling seed` and cached: seeding the
// large set takes hours, a run must not pay for it twice.
//
//   embedded:  bench/.data/embedded-<users>-<tweets>/{data/, manifest.json}
//              (each run copies data/ to a temp DATA_DIR)
//   postgres:  database starling_bench_<users>_<tweets> on the DATABASE_URL server,
//              complete once its public.bench_dataset row is written (each run and
//              mode uses a `create database … template` copy)
//
// A cached set is reused while its key matches: the seed parameters and the last
// commit of the migrations (the schema the data was written for). Otherwise it is
// seeded again.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { onCleanup, throwIfInterrupted } from './cleanup.js';
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
  small: { name: 'small', users: 1_000, tweets: 10_000, follows: 100 },
  large: { name: 'large', users: 100_000, tweets: 1_000_000, follows: 100 },
};
export const SEED = 'bench';
export const PASSWORD = 'correct horse battery';

/**
 * What decides the data's schema (as paths relative to the root, for git): the event
 * envelope and every service's migrations. The code that applies them does not.
 */
const MIGRATION_PATHS = ['packages/kit/src/events/schema.ts'];
function migrationPaths(root) {
  const paths = [...MIGRATION_PATHS];
  for (const service of readdirSync(path.join(root, 'services')).sort()) {
    const dir = path.join('services', service, 'src', 'migrations');
    if (existsSync(path.join(root, dir))) paths.push(dir);
  }
  return paths;
}

function git(root, args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/**
 * The cache key: the seed parameters and the last commit that changed a migration. A
 * migration being edited but not committed does not change it (that would reseed for
 * an hour on every edit); `uncommitted` says so, and Starling applies whatever
 * migrations are pending when it starts on the copy anyway. Outside a git checkout
 * the migrations' contents stand in for the commit.
 */
export function datasetKey(root, set) {
  const paths = migrationPaths(root);
  let migrationsCommit;
  let uncommitted = false;
  try {
    migrationsCommit = git(root, ['log', '-1', '--format=%h', '--', ...paths]);
    uncommitted = git(root, ['status', '--porcelain', '--', ...paths]) !== '';
  } catch {
    const content = createHash('sha256');
    for (const p of paths) {
      const full = path.join(root, p);
      const files =
        existsSync(full) && !full.endsWith('.ts') ? readdirSync(full).map((f) => path.join(full, f)) : [full];
      for (const f of files.filter((f) => existsSync(f)).sort()) {
        content.update(path.relative(root, f)).update(readFileSync(f));
      }
    }
    migrationsCommit = `content-${content.digest('hex').slice(0, 12)}`;
  }
  const key = createHash('sha256')
    .update(
      JSON.stringify({ users: set.users, tweets: set.tweets, follows: set.follows, SEED, PASSWORD, migrationsCommit }),
    )
    .digest('hex')
    .slice(0, 16);
  return { key, migrationsCommit, uncommitted };
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
  throwIfInterrupted();
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
  // Once per set, storage and migrations change, but long: on 2 cores the small set takes
  // about 30 s on PostgreSQL, the large one an hour (docs/seeding.md).
  step(`seeding the ${set.name} set once (it is cached afterwards; this takes a long time, see bench/README.md)`);
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

/** What the cache records about a set; `keyed` is its datasetKey() from before seeding. */
function manifestFor(set, { key, migrationsCommit }, built) {
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
  // Keyed before seeding: a migration committed meanwhile must not be credited to it.
  const keyed = datasetKey(root, set);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!rebuild && existsSync(manifestFile)) {
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    if (manifest.key === keyed.key) {
      step(`embedded ${set.name} set: cached in ${path.relative(root, dir)} (built ${manifest.builtAt})`);
      return { dir, manifest };
    }
    step(
      `embedded ${set.name} set: the cached copy is of migrations ${manifest.migrationsCommit}, now ` +
        `${keyed.migrationsCommit} (or other parameters); seeding again`,
    );
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
  const manifest = manifestFor(set, keyed, built);
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

/**
 * Gives a mode's copy back once the mode is done (the teardown still removes any that
 * an interruption left): an embedded `DATA_DIR`, or the storage with a copied database.
 */
export async function releaseCheckout(storage, serverUrl) {
  if (typeof storage === 'string') return rm(path.dirname(storage), { recursive: true, force: true });
  return dropDatabase(serverUrl, new URL(storage.DATABASE_URL).pathname.slice(1));
}

const templateName = (set) => `starling_bench_${set.users}_${set.tweets}`;

/** The PostgreSQL set: a template database, complete once its marker row is written. */
export async function ensurePostgres({ root, set, serverUrl, rebuild, step }) {
  const name = templateName(set);
  const url = databaseUrl(serverUrl, name);
  const keyed = datasetKey(root, set);
  if (!rebuild && (await databaseExists(serverUrl, name))) {
    const manifest = await readMarker(url).catch(() => null);
    if (manifest?.key === keyed.key) {
      step(`postgres ${set.name} set: cached in database ${name} (built ${manifest.builtAt})`);
      return { template: name, manifest };
    }
    step(
      `postgres ${set.name} set: database ${name} is ` +
        (manifest
          ? `of migrations ${manifest.migrationsCommit}, now ${keyed.migrationsCommit} (or other parameters)`
          : 'incomplete') +
        '; seeding again',
    );
  }
  await dropDatabase(serverUrl, name);
  await createDatabase(serverUrl, name);
  const built = await runSeed(root, set, cleanEnv({ DATABASE_URL: url, NATS_URL: undefined }), step);
  step(`postgres ${set.name} set: marking the outboxes relayed, vacuum analyze`);
  await markOutboxesRelayed(url);
  await vacuumAnalyze(url);
  const manifest = manifestFor(set, keyed, built);
  await writeMarker(url, manifest);
  step(`postgres ${set.name} set: seeded in ${Math.round(built.seconds)} s, cached in database ${name}`);
  return { template: name, manifest };
}

/** A private copy of the PostgreSQL set for one mode of one run, dropped at teardown. */
export function checkoutPostgres(dataset, serverUrl) {
  return scratchCopy(serverUrl, dataset.template);
}
