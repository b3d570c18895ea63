#!/usr/bin/env node
// What each role of the distributed mode costs, for the Helm chart's resource requests
// and limits (deploy/helm/starling/values.yaml):
//
//   npm run build
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres NATS_URL=nats://127.0.0.1:4222 \
//     node bench/roles.js [--idle 20] [--load 30] [--connections 20]
//
// Starts `starling up --distributed` with the topology's replicas on a scratch database
// and NATS prefix of its own, then per process: memory (RSS now, and the kernel's VmHWM,
// its lifetime peak) and CPU (from /proc/<pid>/stat, in millicores: 1000 = one core
// busy) over an idle window, and over a load window of autocannon through the gateway
// (public and home timelines, one tweet by id, posting). Prints a Markdown table, per
// role the largest of its replicas; nothing is written to a file.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

import { request } from './lib/api.js';
import { cleanup, onCleanup } from './lib/cleanup.js';
import { natsNamespace } from './lib/nats.js';
import { createDatabase, databaseUrl, dropDatabase } from './lib/postgres.js';
import { freePort, spawnNode, stopChild } from './lib/process.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { ROLES, SERVICES } = await import(path.join(ROOT, 'apps/cli/dist/topology.js'));
const { values: args } = parseArgs({
  options: {
    idle: { type: 'string', default: '20' },
    load: { type: 'string', default: '30' },
    connections: { type: 'string', default: '20' },
  },
});
const { DATABASE_URL, NATS_URL } = process.env;
if (!DATABASE_URL || !NATS_URL) {
  console.error('bench/roles.js: set DATABASE_URL (a server where it may create a database) and NATS_URL');
  process.exit(2);
}

const TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on Linux.
const cpuTicks = (pid) => {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
};
const memoryMb = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)[1]);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
};

// ------------------------------------------------------------------ the topology
const replicas = Object.fromEntries(SERVICES.filter((s) => s.replicas > 1).map((s) => [s.name, s.replicas]));
const expected = ROLES.reduce((n, r) => n + (replicas[r.name] ?? 1), 0);
const database = `roles_${randomBytes(4).toString('hex')}`;
await createDatabase(DATABASE_URL, database);
onCleanup(() => dropDatabase(DATABASE_URL, database));
const port = await freePort();
const gateway = `http://127.0.0.1:${port}`;
const members = new Map(); // pid → { role, port }
const proc = spawnNode(
  path.join(ROOT, 'bin/starling.js'),
  [
    'up',
    '--distributed',
    '--replicas',
    Object.entries(replicas)
      .map(([role, n]) => `${role}=${n}`)
      .join(','),
    '--base-port',
    String(20_000 + Math.floor(Math.random() * 20_000)),
  ],
  {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl(DATABASE_URL, database),
      NATS_PREFIX: natsNamespace(NATS_URL),
      // 14+ pools on a shared 100-connection server (as bench/lib/starling.js).
      DATABASE_POOL_SIZE: '4',
      // All load comes from one address.
      GATEWAY_RATE_LIMIT: '100000000/60',
      SIGNUP_RATE_LIMIT: '1000000/60',
      LOGIN_RATE_LIMIT: '1000000/60',
    },
    onLine: (line) => {
      const m = /started role=(\S+) replica=\d+ port=(\d+) pid=(\d+)/.exec(line);
      if (m) members.set(Number(m[3]), { role: m[1], port: Number(m[2]) });
    },
  },
);
onCleanup(() => stopChild(proc, { graceMs: 20_000 }));

async function ready() {
  for (let i = 0; i < 600; i++) {
    if (members.size >= expected) {
      const urls = [gateway, ...[...members.values()].map((m) => `http://127.0.0.1:${m.port}`)];
      const statuses = await Promise.all(
        urls.map((url) =>
          fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
            (r) => r.status,
            () => 0,
          ),
        ),
      );
      if (statuses.every((status) => status === 200)) return;
    }
    await sleep(200);
  }
  throw new Error(`not ready: ${members.size} of ${expected} processes\n${proc.stderr()}`);
}

/** Per process, over `seconds` while `during` runs: CPU in millicores, RSS at the end and its peak. */
async function window(seconds, during = sleep(seconds * 1000)) {
  const before = new Map([...members.keys()].map((pid) => [pid, cpuTicks(pid)]));
  const began = performance.now();
  await during;
  const elapsed = (performance.now() - began) / 1000;
  return [...members].map(([pid, { role }]) => ({
    role,
    millicores: ((cpuTicks(pid) - before.get(pid)) / TICKS / elapsed) * 1000,
    ...memoryMb(pid),
  }));
}

try {
  await ready();
  // Some people, each with a few tweets and follows, so the timelines have something to show.
  const people = [];
  for (let i = 0; i < 20; i++) {
    const username = `role${i}_${randomBytes(3).toString('hex')}`;
    const password = `pw-${randomBytes(8).toString('hex')}`;
    await request(`${gateway}/api/v1/users`, {
      method: 'POST',
      body: { username, password, email: `${username}@example.com` },
      expect: 201,
    });
    const { body } = await request(`${gateway}/api/v1/auth/login`, {
      method: 'POST',
      body: { username, password },
      expect: 200,
    });
    people.push({ token: body.access_token, id: JSON.parse(atob(body.access_token.split('.')[1])).sub });
  }
  const tweets = [];
  for (const [i, person] of people.entries()) {
    for (const other of people.slice(0, 5)) {
      if (other !== person)
        await request(`${gateway}/api/v1/users/${other.id}/follow`, { method: 'POST', token: person.token });
    }
    for (let n = 0; n < 5; n++) {
      const { body } = await request(`${gateway}/api/v2/tweets`, {
        method: 'POST',
        token: person.token,
        body: { body: `tweet ${n} of ${i}` },
        expect: 201,
      });
      tweets.push(body.id);
    }
  }
  await sleep(5000); // let the workers settle before the idle window
  const idle = await window(Number(args.idle));

  // The load: per request, public timeline 40%, home 30%, one tweet 20%, post 10%.
  let i = 0;
  const load = autocannon({
    url: gateway,
    connections: Number(args.connections),
    duration: Number(args.load),
    requests: [
      {
        setupRequest(req) {
          const n = i++;
          const person = people[n % people.length];
          const headers = { ...req.headers, authorization: `Bearer ${person.token}` };
          const pick = n % 10;
          if (pick < 4) return { ...req, method: 'GET', path: '/api/v2/timelines/public?limit=20', headers };
          if (pick < 7) return { ...req, method: 'GET', path: '/api/v2/timelines/home?limit=20', headers };
          if (pick < 9) return { ...req, method: 'GET', path: `/api/v2/tweets/${tweets[n % tweets.length]}`, headers };
          return {
            ...req,
            method: 'POST',
            path: '/api/v2/tweets',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ body: `load ${n}` }),
          };
        },
      },
    ],
  });
  const loaded = await window(Number(args.load), load);
  const result = await load;

  const roles = ROLES.map((r) => r.name);
  const worst = (rows, role, key) => Math.max(...rows.filter((row) => row.role === role).map((row) => row[key]));
  const f = (n) => n.toFixed(0);
  console.log(
    `\nload: ${args.connections} connections, ${args.load} s, ${f(result.requests.average)} req/s through the gateway, ` +
      `${result.errors + result.non2xx} errors; idle window ${args.idle} s; ${members.size} processes\n`,
  );
  console.log('| role | idle CPU m | idle RSS MB | load CPU m | load RSS MB | peak RSS MB (VmHWM) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const role of roles) {
    console.log(
      `| ${role} | ${f(worst(idle, role, 'millicores'))} | ${f(worst(idle, role, 'rss'))} | ` +
        `${f(worst(loaded, role, 'millicores'))} | ${f(worst(loaded, role, 'rss'))} | ${f(worst(loaded, role, 'hwm'))} |`,
    );
  }
} finally {
  await cleanup();
}
