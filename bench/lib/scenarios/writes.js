// Scenarios 4 and 5: posting (each post fans out to its author's followers' home
// timelines) and logging in (one scrypt hash per request, by design).
import { measure, rotating } from '../load.js';
import { waitForIdle } from '../starling.js';

const TEXT = 'the quick brown fox jumps over the lazy dog #bench';

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
  const result = await measure(target, { ...config, warmup: config.writeWarmup }, instance.pids);
  // A post answers before every follower's home has it; the rest is backlog. Measure
  // how long it takes to clear, and keep it out of the next scenario.
  const drained = await waitForIdle(instance);
  return {
    n: 4,
    scenario: 'post a tweet, with fan-out',
    ...result,
    notes: `${pool.length} authors in turn; fan-out backlog ${drained.idle ? 'cleared' : 'NOT cleared'} ${drained.seconds.toFixed(1)} s after the run`,
  };
}

/** Concurrent logins: see `login`. */
const LOGIN_CONNECTIONS = 8;

/**
 * 5. POST /api/v1/auth/login for the pool's users in turn (rate limits lifted). Each
 * login is one scrypt hash (N=2^15, 32 MiB: slow by design), run on libuv's 4
 * threads, so a 2-core server does a handful a second. At 50 connections every login
 * would wait for the 49 ahead of it and the latency would only measure that queue, so
 * this scenario runs at most 8 connections (twice the hashing threads).
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
  const result = await measure(target, { ...config, connections, warmup: config.writeWarmup }, instance.pids);
  return {
    n: 5,
    scenario: 'login',
    ...result,
    notes: `${connections} connections (scrypt-bound); ${pool.length} users in turn`,
  };
}
