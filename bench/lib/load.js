// autocannon runs: a discarded warm-up, then the measured run, bracketed by RSS
// sampling of the server's processes.
import autocannon from 'autocannon';

import { request } from './api.js';
import { throwIfInterrupted } from './cleanup.js';
import { startMemorySampler } from './memory.js';

/** Nearest-rank percentile of an ascending Float64Array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * One autocannon run. autocannon's own latency histogram stores whole
 * milliseconds, which rounds a fast server's p50 down to 0; the per-response
 * event carries the float duration, so percentiles are computed from that.
 * `target` is autocannon's options minus connections and duration: a url, and
 * for the scenarios that vary each request, `requests` with a `setupRequest`.
 */
async function run(target, connections, duration, amount) {
  throwIfInterrupted();
  const latencies = [];
  // `amount` (a number of requests) replaces the duration when a scenario needs exactly so many.
  const length = amount ? { amount } : { duration };
  const instance = autocannon({ ...target, connections, ...length, pipelining: 1 });
  // Like autocannon, count latency for 2xx answers only.
  instance.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
  });
  const result = await instance;
  return { result, latencies: Float64Array.from(latencies).sort() };
}

/**
 * Wait until the server has answered what a run left in flight. autocannon stops at
 * the end of its duration with up to `connections` requests still queued in the
 * server (for a slow scenario, seconds of work); they would land in the next run.
 * One more request of the same kind queues behind them (the database's queue, the
 * pool's, the hashing threads'), so its answer means they are done.
 */
async function settle(target) {
  const make = target.requests?.make;
  const { method = 'GET', path, token, body } = make ? make(0) : {};
  const url = make ? new URL(path, target.url).toString() : target.url;
  await request(url, { method, token, body, timeoutMs: 600_000 }).catch(() => {});
}

/**
 * Warm up first so JIT compilation, connection setup and caches do not land in the
 * numbers, then measure, sampling the memory of `watched` (an instance, or a function
 * returning pids) during the measured run only. Each run is followed by `settle`.
 * `onMeasured` is called as the measured run starts (a scenario's own counters reset
 * there); `amount`, when given, is the measured run's number of requests instead of a
 * duration. Returns the figures the report uses.
 */
export async function measure(target, { connections, duration, warmup }, watched, { onMeasured, amount } = {}) {
  if (warmup > 0) {
    await run(target, connections, warmup);
    await settle(target);
  }
  onMeasured?.();
  const sampler = watched ? startMemorySampler(watched) : null;
  const { result, latencies } = await run(target, connections, duration, amount);
  const rss = sampler ? await sampler.stop() : { rssMb: null, maxRssMb: null, largestPid: null, memory: [] };
  const settleBegan = performance.now();
  await settle(target);
  return {
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    // autocannon counts timeouts inside `errors`; non-2xx are answers, but
    // wrong ones, so both count against the scenario.
    errors: result.errors + result.non2xx,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
    seconds: result.duration,
    /** How long the requests left in flight kept the server busy after the run. */
    settleSeconds: (performance.now() - settleBegan) / 1000,
    ...rss,
  };
}

/**
 * A `requests` entry whose every request is made by `make(i)`, i counting requests
 * across all connections: rotating tokens, ids and bodies without any one of them
 * going hot. `make` returns { method, path, token, body }. `onResponse(status, body,
 * made)`, when given, hears each answer with its body (autocannon then keeps bodies)
 * and what `make` made for it.
 */
export function rotating(make, { onResponse } = {}) {
  let i = 0;
  const requests = [
    {
      setupRequest(req, context) {
        const made = make(i++);
        // One request at a time per connection: the context is this request's until its answer.
        if (context) context.made = made;
        const { method = 'GET', path, token, body } = made;
        const headers = { ...req.headers, accept: 'application/json' };
        if (token) headers.authorization = `Bearer ${token}`;
        else delete headers.authorization;
        if (body !== undefined) headers['content-type'] = 'application/json';
        else delete headers['content-type'];
        return { ...req, method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) };
      },
      ...(onResponse ? { onResponse: (status, body, context) => onResponse(status, body, context?.made) } : {}),
    },
  ];
  // For `settle`: one more request like these, outside autocannon.
  requests.make = make;
  return requests;
}
