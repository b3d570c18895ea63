// Scenario 8: cold start. From spawning the process (or, distributed, `starling up`
// and its twelve processes) to the first successful real request, on the data set
// the other scenarios used: what a deploy or a crash costs before Starling serves.
import { startRssSampler } from '../process.js';
import { waitUntilServing } from '../starling.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** `relaunch()` spawns Starling again on the same storage; the caller has stopped the previous one. */
export async function coldStart({ config, relaunch }) {
  const times = [];
  const exits = [];
  let rssMb = null;
  let maxRssMb = null;
  for (let k = 0; k < config.coldStarts; k++) {
    const instance = await relaunch();
    const sampler = startRssSampler(instance.pids, 50);
    times.push(await waitUntilServing(instance));
    const rss = sampler.stop();
    rssMb = Math.max(rssMb ?? 0, rss.rssMb ?? 0);
    maxRssMb = Math.max(maxRssMb ?? 0, rss.maxRssMb ?? 0);
    exits.push(...instance.exits());
    await instance.stop();
  }
  return {
    n: 8,
    scenario: 'cold start to the first 200',
    rps: null,
    p50: null,
    p99: null,
    errors: 0,
    timeMs: median(times),
    rssMb,
    maxRssMb,
    notes:
      `median of ${times.length}: ${times.map((t) => Math.round(t)).join(', ')} ms; spawn → /readyz → GET /api/v2/timelines/public` +
      (exits.length > 0 ? `; processes that exited and were restarted: ${exits.join(', ')}` : ''),
  };
}
