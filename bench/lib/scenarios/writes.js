// Scenarios 4 and 5: posting (each post fans out to its author's followers' home
// timelines) and logging in (one scrypt hash per request, by design).
import { request } from '../api.js';
import { measure, rotating } from '../load.js';
import { waitForIdle } from '../starling.js';

const TEXT = 'the quick brown fox jumps over the lazy dog #bench';

/**
 * A post answers once the other services' read models show it or CONSISTENCY_WAIT_MS
 * (2 s) has passed. At 50 connections on PostgreSQL + NATS a round of posts took
 * 2.4 s and the next one longer, so a 3 s smoke run could see none finish: at least
 * 10 s, a few rounds. A full run sustains the load for the minute the target names.
 */
const POST_MIN_SECONDS = 10;
const POST_FULL_SECONDS = 60;
/** Every this many posts of the measured run, the poster reads its own write at once. */
const READ_BACK_EVERY = 10;

/**
 * Read-your-own-write, as the poster sees it: right after the 201, the tweet by its id
 * and the poster's own home timeline's first page must both have it. Checked outside
 * autocannon, so its requests add load but no latency to the figures.
 */
function readBack(baseUrl) {
  const checks = [];
  let counting = false;
  let posts = 0;
  const check = async (id, token) => {
    const byId = await request(`${baseUrl}/api/v2/tweets/${encodeURIComponent(id)}`, { token });
    const home = await request(`${baseUrl}/api/v2/timelines/home?limit=20`, { token });
    return byId.status === 200 && home.status === 200 && home.body.tweets_list.some((t) => t.id === id);
  };
  return {
    /** Only the measured run's posts count. */
    start() {
      counting = true;
      posts = 0;
      checks.length = 0;
    },
    onResponse(status, body, made) {
      if (!counting || status !== 201 || posts++ % READ_BACK_EVERY !== 0) return;
      let id;
      try {
        id = JSON.parse(body).id;
      } catch {
        // An answer that is not the tweet: the post itself counts as an error already.
      }
      if (typeof id !== 'string') return;
      checks.push(check(id, made.token).catch(() => false));
    },
    async results() {
      const outcomes = await Promise.all(checks);
      return { checked: outcomes.length, misses: outcomes.filter((ok) => !ok).length };
    },
  };
}

/** 4. POST /api/v2/tweets as the pool's users in turn, then wait out the fan-out. */
export async function postTweet({ instance, config, pool, runTag }) {
  const sampler = readBack(instance.baseUrl);
  const target = {
    url: instance.baseUrl,
    requests: rotating(
      (i) => ({
        method: 'POST',
        path: '/api/v2/tweets',
        token: pool[i % pool.length].token,
        body: { body: `bench ${runTag} post ${i}: ${TEXT}` },
      }),
      { onResponse: sampler.onResponse },
    ),
  };
  const seconds = config.quick ? POST_MIN_SECONDS : POST_FULL_SECONDS;
  const run = { ...config, duration: Math.max(config.duration, seconds), warmup: config.writeWarmup };
  const result = await measure(target, run, instance, { onMeasured: sampler.start });
  const { checked, misses } = await sampler.results();
  // A post answers before every follower's home has it; the rest is backlog. Measure
  // how long it takes to clear, and keep it out of the next scenario.
  const drained = await waitForIdle(instance);
  return {
    n: 4,
    scenario: 'post a tweet, with fan-out',
    ...result,
    // A post its own author cannot read back at once failed them, whatever it answered.
    errors: result.errors + misses,
    readBack: { checked, misses },
    notes:
      `${run.duration} s; ${pool.length} authors in turn; reads own write: ${checked - misses}/${checked} ` +
      `(every ${READ_BACK_EVERY}th post: by id and on the author's home, right after the 201; a miss is an error); ` +
      `fan-out backlog ${drained.idle ? 'cleared' : 'NOT cleared'} ${drained.seconds.toFixed(1)} s after the run`,
  };
}

/** Concurrent logins and the shortest measured run: see `login`. */
const LOGIN_CONNECTIONS = 4;
const LOGIN_MIN_SECONDS = 6;

/**
 * 5. POST /api/v1/auth/login for the pool's users in turn (rate limits lifted). Each
 * login is one scrypt hash (N=2^15, 32 MiB: slow by design) on one of libuv's 4
 * threads, 0.2 s to over 1 s on a busy 2-core machine. At 50 connections every login
 * would wait behind the 49 others and the latency would measure only that queue, so
 * this scenario runs as many connections as there are hashing threads, and long
 * enough for a few rounds of hashes to finish even in a smoke run.
 */
export async function login({ instance, config, pool, password }) {
  const connections = Math.min(config.connections, LOGIN_CONNECTIONS);
  const target = {
    url: instance.baseUrl,
    // A queued hash can take longer than autocannon's 10 s default on a busy machine.
    timeout: 60,
    requests: rotating((i) => ({
      method: 'POST',
      path: '/api/v1/auth/login',
      body: { username: pool[i % pool.length].username, password },
    })),
  };
  const run = {
    ...config,
    connections,
    duration: Math.max(config.duration, LOGIN_MIN_SECONDS),
    warmup: config.writeWarmup,
  };
  const result = await measure(target, run, instance);
  return {
    n: 5,
    scenario: 'login',
    ...result,
    notes: `${connections} connections, ${run.duration} s (scrypt-bound, see lib/scenarios/writes.js); ${pool.length} users in turn`,
  };
}
