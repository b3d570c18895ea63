// What the server's processes hold while a scenario runs. RSS alone says how much, not
// where: each process's own /metrics (prom-client's default metrics) splits it into
// V8's heap in use and the memory outside it that V8 is told of (Buffers, sockets'
// buffers, what native modules such as sharp report), so a growing RSS can be laid at
// the JavaScript heap or at the buffers.
import { startRssSampler } from './process.js';

/** /metrics is read this often per process: a dozen requests a second at most, in distributed mode. */
const METRICS_MS = 1_000;
const MB = 1024 * 1024;

/** The two gauges this module reads, in bytes, from a Prometheus text exposition (null when absent). */
export function parseMemoryMetrics(text) {
  const gauge = (name) => {
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})?\\s+(\\S+)`, 'm').exec(text);
    return m ? Number(m[1]) : null;
  };
  return { heapUsedBytes: gauge('nodejs_heap_size_used_bytes'), externalBytes: gauge('nodejs_external_memory_bytes') };
}

async function scrape(url) {
  try {
    const res = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(2_000) });
    return res.ok ? parseMemoryMetrics(await res.text()) : null;
  } catch {
    // A busy or restarting process: its next scrape counts.
    return null;
  }
}

/**
 * Sample `watched` (an instance from lib/starling.js, or a function returning pids) until
 * `stop()`: the RSS peaks of lib/process.js, and for an instance, per process, the peaks
 * of V8's heap in use and of external memory. `stop()` resolves to the RSS figures and
 * `memory`: [{ name, role, pid, rssMb, heapUsedMb, externalMb }], one per process.
 */
export function startMemorySampler(watched) {
  if (typeof watched === 'function') {
    const rss = startRssSampler(watched);
    return {
      async stop() {
        const { peaks: _peaks, ...figures } = rss.stop();
        return { ...figures, memory: [] };
      },
    };
  }
  const instance = watched;
  const rss = startRssSampler(instance.pids);
  const peaks = new Map(); // url → { heap, external } in bytes
  const scrapeAll = () =>
    Promise.all(
      instance.endpoints().map(async ({ url }) => {
        const m = await scrape(url);
        if (!m) return;
        const peak = peaks.get(url) ?? { heap: null, external: null };
        if (m.heapUsedBytes !== null) peak.heap = Math.max(peak.heap ?? 0, m.heapUsedBytes);
        if (m.externalBytes !== null) peak.external = Math.max(peak.external ?? 0, m.externalBytes);
        peaks.set(url, peak);
      }),
    );
  // One round at a time: a slow process must not pile scrapes up.
  let round = scrapeAll();
  const timer = setInterval(() => {
    round = round.then(scrapeAll);
  }, METRICS_MS);
  return {
    async stop() {
      clearInterval(timer);
      await round;
      await scrapeAll();
      const { peaks: rssPeaks, ...figures } = rss.stop();
      const mb = (bytes) => (bytes === null || bytes === undefined ? null : bytes / MB);
      const memory = instance.endpoints().map(({ name, role, pid, url }) => ({
        name,
        role,
        pid,
        rssMb: rssPeaks.get(pid) ?? null,
        heapUsedMb: mb(peaks.get(url)?.heap),
        externalMb: mb(peaks.get(url)?.external),
      }));
      return { ...figures, memory };
    },
  };
}
