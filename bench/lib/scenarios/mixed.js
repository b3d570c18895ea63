// Scenario 6: a read-heavy mix, 90% reads and 10% writes, the way a timeline app is
// used: mostly reading one's home timeline, sometimes the public one or a tweet,
// now and then posting.
import { measure, rotating } from '../load.js';
import { waitForIdle } from '../starling.js';

/** Cumulative shares: home 50%, public 20%, one tweet 20% (reads: 90%), post 10%. */
const MIX = [
  [0.5, 'home'],
  [0.7, 'public'],
  [0.9, 'tweet'],
  [1.0, 'post'],
];

const MIN_SECONDS = 6;

/** mulberry32: a small seeded generator, so every run draws the same sequence. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function mixed({ instance, config, pool, tweetIds, runTag }) {
  const next = random(6);
  const target = {
    url: instance.baseUrl,
    requests: rotating((i) => {
      const user = pool[i % pool.length];
      const draw = next();
      const kind = MIX.find(([upTo]) => draw < upTo)[1];
      switch (kind) {
        case 'home':
          return { path: '/api/v2/timelines/home?limit=20', token: user.token };
        case 'public':
          return { path: '/api/v2/timelines/public?limit=20' };
        case 'tweet':
          return { path: `/api/v2/tweets/${encodeURIComponent(tweetIds[i % tweetIds.length])}` };
        default:
          return {
            method: 'POST',
            path: '/api/v2/tweets',
            token: user.token,
            body: { body: `bench ${runTag} mixed ${i}: reading a lot, posting a little` },
          };
      }
    }),
  };
  // Embedded, a few posts in flight hold PGlite's one connection for seconds and the
  // reads queue behind them: a 3 s smoke run could see nothing finish.
  const run = { ...config, duration: Math.max(config.duration, MIN_SECONDS), warmup: config.writeWarmup };
  const result = await measure(target, run, instance);
  const drained = await waitForIdle(instance);
  return {
    n: 6,
    scenario: 'mixed: 90% reads, 10% posts',
    ...result,
    notes: `${run.duration} s; home 50%, public 20%, tweet 20%, post 10%; backlog ${drained.idle ? 'cleared' : 'NOT cleared'} in ${drained.seconds.toFixed(1)} s`,
  };
}
