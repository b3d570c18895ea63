// Scenarios 4 and 5: posting (each post fans out to its author's followers' home
// timelines) and logging in (one scrypt hash per request, by design).
import { measure, rotating } from '../load.js';
import { waitForIdle } from '../starling.js';

const TEXT = 'the quick brown fox jumps over the lazy dog #bench';

/**
 * A post answers once the other services' read models show it or CONSISTENCY_WAIT_MS
 * (2 s) has passed. At 50 connections on PostgreSQL + NATS a round of posts took
 * 2.4 s and the next one longer, so a 3 s smoke run could see none finish: at least
 * 10 s, a few rounds.
 */
const POST_MIN_SECONDS = 10;

/** 4. POST /api/v2/tweets as the pool's users in turn, then wait out the fan-out. */
export async function postTweet({ instance, config, pool, runTag }) {
  const target = {
    url: instance.baseUrl,
    requests: rotating((i) => ({
      method: 'POST',
      path: '/api/v2/tweets',
      token: pool[i % pool.length].token,
      body: { body: `bench ${runTag} post ${i}: ${TEXT}` },
    })),
  };
  const run = { ...config, duration: Math.max(config.duration, POST_MIN_SECONDS), warmup: config.writeWarmup };
  const result = await measure(target, run, instance.pids);
  // A post answers before every follower's home has it; the rest is backlog. Measure
  // how long it takes to clear, and keep it out of the next scenario.
  const drained = await waitForIdle(instance);
  return {
    n: 4,
    scenario: 'post a tweet, with fan-out',
    ...result,
    notes: `${run.duration} s; ${pool.length} authors in turn; fan-out backlog ${drained.idle ? 'cleared' : 'NOT cleared'} ${drained.seconds.toFixed(1)} s after the run`,
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
  const result = await measure(target, run, instance.pids);
  return {
    n: 5,
    scenario: 'login',
    ...result,
    notes: `${connections} connections, ${run.duration} s (scrypt-bound, see lib/scenarios/writes.js); ${pool.length} users in turn`,
  };
}
