// Scenario 11: live streams. Many streams held open at once on the server (10,000; 1,000
// with --quick), then one post that every one of them should show: how long until each
// got it, and what holding them costs the server in memory. Two kinds, one after the
// other, each a row:
//
//   11  Starling's home stream, Server-Sent Events: GET /api/v2/streaming/home
//   12  Mastodon's streaming WebSocket, the `user` stream (home and notifications):
//       /api/v1/streaming?stream=user&access_token=…, with an app's token
//
// Who listens: the pool's users who follow the set's most followed account, several
// streams each (a person with the web app open in a few tabs and a phone app), so that
// the post by that account belongs in every stream's home. The streams are opened by
// child processes (lib/stream-client.js), 200 at a time; the post is made once all are
// open and the server has had a moment.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

import { eachFollowerPage, lookupUser, request } from '../api.js';
import { appToken, registerApp } from '../app-tokens.js';
import { onCleanup } from '../cleanup.js';
import { percentile } from '../load.js';
import { startMemorySampler } from '../memory.js';
import { waitForIdle } from '../starling.js';

const CLIENT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'stream-client.js');
/** The target: every stream has the post within this long of it being sent. */
export const DELIVERY_TARGET_MS = 2_000;
/** How long to wait for the stragglers before counting them missing. */
const DELIVERY_TIMEOUT_MS = 30_000;
/** Client processes: the streams are split between them. */
const CLIENTS = 2;
/** Streams being opened at once, per client. */
const OPENING = 100;
/**
 * How long the post may take to be answered: a server busy with its streams can be
 * slow to, and whether the streams show the post is still worth knowing.
 */
const POST_TIMEOUT_MS = 120_000;
/** A stream not open after this long counts as failed. */
const OPEN_TIMEOUT_MS = 60_000;
/** No more streams are opened after this long (a smoke run: a third of it). */
const OPEN_BUDGET_MS = 180_000;
/** Descriptors a process needs besides its streams (files, the database, NATS, the bus). */
const FD_RESERVE = 1_000;

/** A process's open-files limit (the soft one, which is what applies), from /proc. */
export function openFilesLimit(pid) {
  try {
    const m = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'));
    return m ? (m[1] === 'unlimited' ? Infinity : Number(m[1])) : null;
  } catch {
    return null;
  }
}

/**
 * How many streams the server can hold: each is one socket on the process that serves
 * it, and through the gateway two (the client's and the one to the service).
 */
export function streamCapacity(limit, throughGateway) {
  if (limit === null || limit === Infinity) return Infinity;
  return Math.max(0, Math.floor((limit - FD_RESERVE) / (throughGateway ? 2 : 1)));
}

const now = () => performance.timeOrigin + performance.now();

/** What the scenario was doing when a request failed: a timeout alone does not say. */
async function doing(what, work) {
  try {
    return await work;
  } catch (err) {
    err.message = `${what}: ${err.message}`;
    throw err;
  }
}

/** A forked client and a way to ask it one thing at a time. */
function startClient() {
  const child = fork(CLIENT, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const ask = (msg, answer) =>
    new Promise((resolve, reject) => {
      const onMessage = (reply) => {
        if (reply.type !== answer) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(reply);
      };
      const onExit = (code, signal) => reject(new Error(`stream client exited (${signal ?? `code ${code}`})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(msg);
    });
  return { child, ask };
}

/** The listeners: pool users who follow `author`, with their session tokens. */
async function followersInPool(baseUrl, author, pool) {
  const followers = new Set();
  await eachFollowerPage(baseUrl, author.id, (page) => {
    for (const f of page) followers.add(f.username);
  });
  return pool.filter((p) => followers.has(p.username));
}

/** One kind of stream: open `count`, post once, wait for every stream to show it, close. */
async function oneKind({ instance, kind, url, tokens, count, author, runTag, quick }) {
  const sampler = startMemorySampler(instance);
  const clients = Array.from({ length: CLIENTS }, startClient);
  const marker = `streamcheck${runTag}${kind}`;
  let result;
  let rss;
  try {
    const shares = clients.map((_, i) => Math.floor(count / CLIENTS) + (i < count % CLIENTS ? 1 : 0));
    const opened = await Promise.all(
      clients.map((c, i) =>
        c.ask(
          {
            type: 'open',
            kind,
            url,
            // Each client starts at its own place in the list, so every user's streams are spread.
            tokens: [...tokens.slice(i % tokens.length), ...tokens.slice(0, i % tokens.length)],
            count: shares[i],
            concurrency: OPENING,
            marker,
            timeoutMs: OPEN_TIMEOUT_MS,
            budgetMs: quick ? OPEN_BUDGET_MS / 3 : OPEN_BUDGET_MS,
          },
          'opened',
        ),
      ),
    );
    const open = opened.reduce((n, o) => n + o.opened, 0);
    const failed = opened.reduce((n, o) => n + o.failed, 0);
    const errors = {};
    for (const o of opened) for (const [e, k] of Object.entries(o.errors)) errors[e] = (errors[e] ?? 0) + k;
    const connect = Float64Array.from(opened.flatMap((o) => o.connectMs)).sort();
    const openSeconds = Math.max(...opened.map((o) => o.seconds));

    // A moment for the server to finish the work of the last connections before the post.
    await sleep(2_000);
    const sentAt = now();
    const posted = await request(`${instance.baseUrl}/api/v2/tweets`, {
      method: 'POST',
      token: author.token,
      body: { body: `bench ${runTag}: live to every stream ${marker}` },
      timeoutMs: POST_TIMEOUT_MS,
    }).catch((err) => ({ status: err.name === 'TimeoutError' ? 'timeout' : err.message }));
    const answeredMs = now() - sentAt;
    const postFailed = posted.status === 201 ? null : String(posted.status);
    const delivered = await Promise.all(
      clients.map((c) => c.ask({ type: 'await', deadline: sentAt + DELIVERY_TIMEOUT_MS }, 'delivered')),
    );
    const delays = Float64Array.from(delivered.flatMap((d) => d.received.map((t) => t - sentAt))).sort();
    const missing = delivered.reduce((n, d) => n + d.missing, 0);
    const closed = delivered.reduce((n, d) => n + d.closed, 0);
    const inTime = delays.filter((d) => d <= DELIVERY_TARGET_MS).length;
    result = {
      postFailed,
      requested: count,
      open,
      failed,
      errors,
      connect,
      openSeconds,
      answeredMs,
      delays,
      missing,
      closed,
      inTime,
    };
  } finally {
    await Promise.all(clients.map((c) => c.ask({ type: 'close' }, 'closed').catch(() => {})));
    // Closed on our side; the server notices and lets go of them in its own time.
    rss = await sampler.stop();
  }
  return { ...result, rss };
}

const ms = (x) => (x === null ? 'n/a' : `${Math.round(x).toLocaleString('en-US')} ms`);
const n = (x) => x.toLocaleString('en-US');

function rowOf(number, scenario, result, rss, who) {
  const {
    postFailed,
    requested,
    open,
    failed,
    errors,
    connect,
    openSeconds,
    answeredMs,
    delays,
    missing,
    closed,
    inTime,
  } = result;
  const errorList = Object.entries(errors)
    .map(([e, k]) => `${n(k)} ${e}`)
    .join(', ');
  return {
    n: number,
    scenario,
    rps: null,
    p50: percentile(delays, 50),
    p99: percentile(delays, 99),
    errors: failed + missing,
    // To the last stream; with streams missing, to the last of those that got it.
    timeMs: delays.length > 0 ? delays[delays.length - 1] : null,
    ...rss,
    streams: { requested, open, inTime, delivered: delays.length },
    notes:
      `${n(open)} of ${n(requested)} streams open (${who}), in ${openSeconds.toFixed(1)} s, ` +
      `connect p50 ${ms(percentile(connect, 50))}, p99 ${ms(percentile(connect, 99))}` +
      (failed > 0 ? `; ${n(failed)} failed to open (${errorList})` : '') +
      `; one post (${postFailed === null ? 'answered' : `answered ${postFailed}`} in ${ms(answeredMs)}): ` +
      `${n(inTime)}/${n(open)} streams had it within ` +
      `${DELIVERY_TARGET_MS / 1000} s of sending it; p50/p99 = delay per stream, time = to the last` +
      (missing > 0
        ? `; ${n(missing)} never had it within ${DELIVERY_TIMEOUT_MS / 1000} s` +
          (closed > 0 ? ` (${n(closed)} closed by the server)` : '')
        : ''),
  };
}

export async function streaming({ instance, config, pool, manifest, password, tokenCache, signingJwk, runTag }) {
  const baseUrl = instance.baseUrl;
  const distributed = instance.mode === 'distributed';
  const account = await doing('looking the author up', lookupUser(baseUrl, manifest.top[0].username));
  const { tokens } = await doing('logging the author in', tokenCache.tokensFor(baseUrl, [account.username], password));
  const author = { id: account.id, username: account.username, token: tokens[0] };
  const listeners = await doing("reading the author's followers", followersInPool(baseUrl, author, pool));
  if (listeners.length === 0) throw new Error(`none of the pool follows @${author.username}`);

  // Every stream is a socket on the serving process (and through the gateway, two there).
  const server = distributed
    ? instance.endpoints().find((e) => e.role === 'gateway')?.pid
    : instance.endpoints()[0].pid;
  const limit = server ? openFilesLimit(server) : null;
  const capacity = streamCapacity(limit, distributed);
  const count = Math.min(config.streams, capacity);
  const per = Math.ceil(count / listeners.length);
  const capped =
    count < config.streams
      ? `; ${n(count)} rather than ${n(config.streams)}: the ${distributed ? "gateway's" : "server's"} open-files limit is ${n(limit)}`
      : '';
  const who =
    `${n(listeners.length)} followers of @${author.username}, up to ${per} each; ` +
    `open-files limit ${limit === null ? 'unknown' : n(limit)}${capped}`;

  const rows = [];
  const sse = await oneKind({
    instance,
    kind: 'sse',
    url: `${baseUrl}/api/v2/streaming/home`,
    tokens: listeners.map((l) => l.token),
    count,
    author,
    runTag,
    quick: config.quick,
  });
  rows.push(rowOf(11, 'streaming: home timeline, SSE', sse, sse.rss, who));
  await waitForIdle(instance);
  await sleep(2_000);

  const clientId = await doing(
    'registering an app, after the SSE streams',
    registerApp(baseUrl, `Starling bench streams ${runTag}`),
  );
  const appTokens = listeners.map((l) => appToken(l.token, clientId, signingJwk));
  const wsBase = baseUrl.replace(/^http/, 'ws');
  const ws = await oneKind({
    instance,
    kind: 'ws',
    url: `${wsBase}/api/v1/streaming?stream=user&access_token={token}`,
    tokens: appTokens,
    count,
    author,
    runTag,
    quick: config.quick,
  });
  rows.push(rowOf(12, 'streaming: Mastodon WebSocket, user stream', ws, ws.rss, who));
  await waitForIdle(instance);
  return rows;
}
