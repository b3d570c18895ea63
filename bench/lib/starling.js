// Starting Starling in each mode the bench measures, and knowing its processes.
//
//   embedded     `starling start` on a copy of the cached DATA_DIR (PGlite, in-process bus)
//   postgres     `starling start` on a copy of the cached database, NATS JetStream bus
//   distributed  `starling up --distributed` with 2 replicas of tweets, timeline and
//                identity behind the gateway, on a copy of the cached database and NATS
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { onCleanup, throwIfInterrupted } from './cleanup.js';
import { ChildError, commandOf, freePort, hasExited, spawnNode, stopChild } from './process.js';

export const REPLICAS = 'tweets=2,timeline=2,identity=2';
/** Connections per pool in distributed mode, where every role's process has its own pools. */
export const DISTRIBUTED_POOL_SIZE = '4';

/**
 * How many processes `up --distributed --replicas REPLICAS` starts: every role of the
 * topology once (the gateway, each service and each worker), and the extra replicas.
 */
async function distributedProcesses(root) {
  const { ROLES } = await import(path.join(root, 'apps/cli/dist/topology.js'));
  const extra = REPLICAS.split(',').reduce((sum, entry) => sum + Number(entry.split('=')[1]) - 1, 0);
  return ROLES.length + extra;
}

/** What every mode runs with during a bench. */
function benchEnv(extra) {
  const env = {
    ...process.env,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // The login scenario logs the same few hundred people in again and again from one
    // address: the per-username and per-address limits would soon answer 429.
    LOGIN_RATE_LIMIT: '1000000/60',
    SIGNUP_RATE_LIMIT: '1000000/60',
    // All load comes from one address, which the gateway would throttle at 1,200/min.
    GATEWAY_RATE_LIMIT: '100000000/60',
    ...extra,
  };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

/** Ports for `up`: it takes --base-port and the next ones, so find a free run of them. */
async function freePortRun(count) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const ok = await Promise.all(Array.from({ length: count }, (_, i) => portIsFree(base + i)));
    if (ok.every(Boolean)) return base;
  }
  throw new Error(`no run of ${count} free ports found`);
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Spawn Starling in `mode` (not yet waiting for it). `storage` is DATA_DIR for
 * embedded, { DATABASE_URL, NATS_URL, NATS_PREFIX } for the other two; `env` adds to
 * the environment (the bench's signing key).
 */
export async function launch(mode, { root, storage, env: extra = {} }) {
  throwIfInterrupted();
  const bin = path.join(root, 'bin', 'starling.js');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const members = new Map(); // "role#replica" → { role, replica, port, pid }
  let args = ['start'];
  let env;
  let expectedProcesses = 1;
  if (mode === 'embedded') {
    // An inherited DATABASE_URL (CI exports one) would silently turn an embedded run
    // into a PostgreSQL one.
    env = benchEnv({ ...extra, PORT: String(port), DATA_DIR: storage, DATABASE_URL: undefined, NATS_URL: undefined });
  } else {
    env = benchEnv({ ...extra, PORT: String(port), ...storage });
    if (mode === 'distributed') {
      // Seventeen processes with a pool of DATABASE_POOL_SIZE (10) each outgrow a default
      // PostgreSQL's 100 connections (deploy/compose.yaml raises it to 300); a shared
      // server cannot be asked to, so each process gets a smaller pool unless told.
      env.DATABASE_POOL_SIZE = process.env.DATABASE_POOL_SIZE || DISTRIBUTED_POOL_SIZE;
      expectedProcesses = await distributedProcesses(root);
      const basePort = await freePortRun(expectedProcesses - 1);
      args = ['up', '--distributed', '--replicas', REPLICAS, '--base-port', String(basePort)];
    }
  }
  const startedAt = performance.now();
  // `starling up` says "started role=tweets replica=2 port=3102 pid=4242" for every
  // process, and "restarted …" when it replaces one that died.
  const exits = [];
  const onLine = (line) => {
    const m = /(?:re)?started role=(\S+) replica=(\d+) port=(\d+) pid=(\d+)/.exec(line);
    if (m) members.set(`${m[1]}#${m[2]}`, { role: m[1], replica: Number(m[2]), port: Number(m[3]), pid: Number(m[4]) });
    // "role=timeline replica=1 pid=42 exited (code 1); starting it again": a crash the
    // bench must report, not hide behind the supervisor's restart.
    const e = /role=(\S+) replica=(\d+) pid=\d+ exited \(([^)]*)\)/.exec(line);
    if (e) exits.push(`${e[1]}#${e[2]} (${e[3]})`);
  };
  const proc = spawnNode(bin, args, { cwd: root, env, onLine });
  const instance = {
    mode,
    port,
    baseUrl,
    proc,
    startedAt,
    /** The pids that serve (in distributed mode the supervisor itself is left out: it only waits). */
    pids: () => (mode === 'distributed' ? [...members.values()].map((m) => m.pid) : [proc.child.pid]),
    /** Which process a pid is: `timeline#2` in distributed mode. */
    nameOf: (pid) => [...members.entries()].find(([, m]) => m.pid === pid)?.[0] ?? null,
    /** Every process's own HTTP base URL (for /metrics and /readyz), its name and pid. */
    endpoints: () =>
      mode === 'distributed'
        ? [...members.entries()].map(([name, m]) => ({
            name,
            role: m.role,
            pid: m.pid,
            url: `http://127.0.0.1:${m.port}`,
          }))
        : [{ name: 'starling', role: 'starling', pid: proc.child.pid, url: baseUrl }],
    processCount: () => (mode === 'distributed' ? members.size : 1),
    /** How many processes serve once all have started. */
    expectedProcesses,
    /** Processes `starling up` had to start again, so far. */
    exits: () => [...exits],
    stop: () => stopInstance(instance, members),
  };
  onCleanup(() => instance.stop());
  return instance;
}

async function stopInstance(instance, members) {
  // `starling up` stops its processes on SIGTERM and waits for them.
  if (await stopChild(instance.proc, { graceMs: 20_000 })) return;
  // It needed SIGKILL, so its processes are orphans now, still ours to end: each one
  // by its pid, and only if that pid is still a `starling start` (not a reused pid).
  for (const { pid } of members.values()) {
    if (!commandOf(pid)?.includes('starling.js start')) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
}

async function getStatus(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/**
 * Wait until the instance answers a real request: /readyz first (every process's, in
 * distributed mode), then GET /api/v2/timelines/public through the front door.
 * Returns the milliseconds since the spawn: the cold start.
 */
export async function waitUntilServing(instance, { timeoutMs = 180_000, intervalMs = 25 } = {}) {
  const deadline = Date.now() + timeoutMs;
  const alive = () => {
    if (hasExited(instance.proc.child)) {
      throw new ChildError(
        `starling (${instance.mode}) exited before it served (exit code ${instance.proc.child.exitCode})`,
        instance.proc.stderr() || instance.proc.stdout(),
      );
    }
    if (Date.now() > deadline) {
      throw new ChildError(
        `starling (${instance.mode}) did not serve within ${timeoutMs / 1000} s`,
        instance.proc.stderr() || instance.proc.stdout(),
      );
    }
  };
  const expected = instance.expectedProcesses;
  for (;;) {
    alive();
    if (instance.processCount() >= expected) {
      const statuses = await Promise.all(instance.endpoints().map((e) => getStatus(`${e.url}/readyz`)));
      if (statuses.every((s) => s === 200)) break;
    }
    await sleep(intervalMs);
  }
  for (;;) {
    alive();
    if ((await getStatus(`${instance.baseUrl}/api/v2/timelines/public?limit=20`)) === 200) break;
    await sleep(intervalMs);
  }
  return performance.now() - instance.startedAt;
}

/** Throw, with the server's last output, if the process we started has died. */
export function assertAlive(instance) {
  if (!hasExited(instance.proc.child)) return;
  const { exitCode, signalCode } = instance.proc.child;
  throw new ChildError(
    `starling (${instance.mode}) exited (${signalCode ?? `exit code ${exitCode}`})`,
    instance.proc.stderr() || instance.proc.stdout(),
  );
}

/** Events the read models have yet to apply, summed over every process's /metrics. */
async function projectionLag(instance) {
  let lag = 0;
  for (const { url } of instance.endpoints()) {
    try {
      const res = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) });
      const text = await res.text();
      for (const m of text.matchAll(/^starling_projection_lag_events\{[^}]*\}\s+(\S+)/gm)) lag += Number(m[1]);
    } catch {
      // A process restarting: count it as not idle.
      lag += 1;
    }
  }
  return lag;
}

/**
 * Wait until every read model has caught up (posting leaves fan-out work behind),
 * so one scenario's backlog is not billed to the next. Returns the seconds waited
 * and whether it got there.
 */
export async function waitForIdle(instance, { timeoutMs = 300_000, intervalMs = 250 } = {}) {
  const began = performance.now();
  while (performance.now() - began < timeoutMs) {
    assertAlive(instance);
    if ((await projectionLag(instance)) === 0) return { seconds: (performance.now() - began) / 1000, idle: true };
    await sleep(intervalMs);
  }
  return { seconds: timeoutMs / 1000, idle: false };
}
