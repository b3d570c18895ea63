// Scenario 10: the home timeline as a Mastodon app reads it. The mastodon service is an
// adapter: it reads Starling's own home timeline with the caller's token (through
// ctx.api: in-process embedded, the timeline replicas distributed) and reshapes each
// tweet into Mastodon's Status. Its figure beside scenario 1's, in the same run, is
// what the adapter costs.
import { appToken, registerApp } from '../app-tokens.js';
import { measure, rotating } from '../load.js';

/**
 * Each page reads every author and mentioned account through the API (handlers/people.ts):
 * at 50 connections on a busy 2-core machine a request took over 5 s, so a 3 s smoke
 * run saw none finish. At least 10 s, a few rounds.
 */
const MIN_SECONDS = 10;

/** 10. GET /api/v1/timelines/home?limit=20 with an app's token, the pool's users in turn. */
export async function mastodonHomeTimeline({ instance, config, pool, signingJwk, runTag }) {
  const clientId = await registerApp(instance.baseUrl, `Starling bench ${runTag}`);
  const tokens = pool.map((p) => appToken(p.token, clientId, signingJwk));
  const run = { ...config, duration: Math.max(config.duration, MIN_SECONDS) };
  const target = {
    url: instance.baseUrl,
    requests: rotating((i) => ({ path: '/api/v1/timelines/home?limit=20', token: tokens[i % tokens.length] })),
  };
  return {
    n: 10,
    scenario: 'Mastodon API home timeline, 20 items',
    ...(await measure(target, run, instance)),
    notes:
      `${run.duration} s; ${pool.length} users in turn, each with a token of one app registered by POST /api/v1/apps ` +
      `(scope "read write follow"; signed by the bench with the server's key: see lib/app-tokens.js)`,
  };
}
