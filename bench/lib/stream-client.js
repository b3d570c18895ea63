// Holds many live streams open for the streaming scenario (lib/scenarios/streaming.js),
// in a process of its own: thousands of sockets and their parsing must not share the
// event loop that times them with the bench's own work. Node raises its open-files limit
// to the hard limit at start, so one client holds as many streams as the machine allows.
//
// Driven over IPC:
//   { type: 'open', kind: 'sse' | 'ws', url, tokens, count, concurrency, marker, timeoutMs, budgetMs }
//       → { type: 'opened', opened, failed, errors, connectMs, seconds }
//   { type: 'await', deadline }   (epoch ms)
//       → { type: 'delivered', received: [epoch ms…], missing, closed }
//   { type: 'close' }             → { type: 'closed' }, then exit
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import WebSocket from 'ws';

/** Epoch milliseconds with a sub-millisecond part, comparable across processes on one machine. */
const now = () => performance.timeOrigin + performance.now();

const streams = [];
let marker = '';

/** Watches a stream's text for the marker; a chunk boundary may split it, so a tail is kept. */
function watcher(stream) {
  let tail = '';
  return (chunk) => {
    if (stream.receivedAt !== null) return;
    const text = tail + chunk;
    if (text.includes(marker)) stream.receivedAt = now();
    else tail = text.slice(-marker.length);
  };
}

/** One Server-Sent Events stream; resolves once its headers came (or it failed). */
function openSse(url, token, timeoutMs) {
  const stream = { receivedAt: null, closed: false, close: () => {} };
  return new Promise((resolve) => {
    const began = now();
    const req = http.request(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      // A socket of its own per stream, as each browser tab would have.
      agent: false,
    });
    const timer = setTimeout(() => req.destroy(new Error('no answer in time')), timeoutMs);
    req.on('response', (res) => {
      clearTimeout(timer);
      if (res.statusCode !== 200) {
        res.resume();
        req.destroy();
        return resolve({ error: `HTTP ${res.statusCode}` });
      }
      stream.close = () => req.destroy();
      res.setEncoding('utf8');
      res.on('data', watcher(stream));
      res.on('close', () => (stream.closed = true));
      res.on('error', () => (stream.closed = true));
      resolve({ stream, connectMs: now() - began });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      stream.closed = true;
      resolve({ error: err.code ?? err.message });
    });
    req.end();
  });
}

/** One WebSocket (Mastodon's streaming API); resolves once it is open (or failed). */
function openWs(url, _token, timeoutMs) {
  const stream = { receivedAt: null, closed: false, close: () => {} };
  return new Promise((resolve) => {
    const began = now();
    const socket = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
    let settled = false;
    const settle = (result) => {
      if (!settled) resolve(result);
      settled = true;
    };
    const see = watcher(stream);
    socket.on('open', () => {
      stream.close = () => socket.terminate();
      settle({ stream, connectMs: now() - began });
    });
    socket.on('message', (data) => see(data.toString()));
    socket.on('unexpected-response', (_req, res) => {
      settle({ error: `HTTP ${res.statusCode}` });
      socket.terminate();
    });
    socket.on('error', (err) => settle({ error: err.code ?? err.message }));
    socket.on('close', () => {
      stream.closed = true;
      settle({ error: 'closed before it opened' });
    });
  });
}

async function open({ kind, url, tokens, count, concurrency, marker: wanted, timeoutMs, budgetMs }) {
  marker = wanted;
  const began = now();
  const connectMs = [];
  const errors = {};
  let next = 0;
  // A server that takes a minute per stream must not keep the bench for hours: after the
  // budget no more are tried, and the rest count as failed.
  const giveUpAt = began + budgetMs;
  const worker = async () => {
    while (next < count && now() < giveUpAt) {
      const i = next++;
      const token = tokens[i % tokens.length];
      const result =
        kind === 'ws'
          ? await openWs(url.replace('{token}', encodeURIComponent(token)), token, timeoutMs)
          : await openSse(url, token, timeoutMs);
      if (result.stream) {
        streams.push(result.stream);
        connectMs.push(result.connectMs);
      } else {
        errors[result.error] = (errors[result.error] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (next < count) errors[`not tried: opening took over ${budgetMs / 1000} s`] = count - next;
  return {
    type: 'opened',
    opened: streams.length,
    failed: count - streams.length,
    errors,
    connectMs,
    seconds: (now() - began) / 1000,
  };
}

async function awaitDelivery({ deadline }) {
  while (now() < deadline && streams.some((s) => s.receivedAt === null && !s.closed)) await sleep(20);
  const received = streams.filter((s) => s.receivedAt !== null).map((s) => s.receivedAt);
  return {
    type: 'delivered',
    received,
    missing: streams.length - received.length,
    closed: streams.filter((s) => s.closed && s.receivedAt === null).length,
  };
}

process.on('message', async (msg) => {
  if (msg.type === 'open') process.send(await open(msg));
  else if (msg.type === 'await') process.send(await awaitDelivery(msg));
  else if (msg.type === 'close') {
    for (const s of streams) s.close();
    process.send({ type: 'closed' }, () => process.exit(0));
  }
});
// The bench gone (Ctrl-C, a crash): nothing is left holding sockets.
process.on('disconnect', () => process.exit(0));
