// autocannon runs: a discarded warm-up, then the measured run.
import autocannon from 'autocannon';

/** Nearest-rank percentile of an ascending Float64Array. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * One autocannon run. autocannon's own latency histogram stores whole
 * milliseconds, which rounds a fast server's p50 down to 0; the per-response
 * event carries the float duration, so percentiles are computed from that.
 */
async function run(url, connections, duration) {
  const latencies = [];
  const instance = autocannon({ url, connections, duration, pipelining: 1 });
  // Like autocannon, count latency for 2xx answers only.
  instance.on('response', (_client, statusCode, _bytes, ms) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
  });
  const result = await instance;
  return { result, latencies: Float64Array.from(latencies).sort() };
}

/**
 * Warm up first so JIT compilation, connection setup and caches do not
 * land in the numbers, then measure. Returns the figures the report uses.
 */
export async function measure(url, { connections, duration, warmup }) {
  if (warmup > 0) await run(url, connections, warmup);
  const { result, latencies } = await run(url, connections, duration);
  return {
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    // autocannon counts timeouts inside `errors`; non-2xx are answers, but
    // wrong ones, so both count against the scenario.
    errors: result.errors + result.non2xx,
    requests: result.requests.total,
    seconds: result.duration,
  };
}
