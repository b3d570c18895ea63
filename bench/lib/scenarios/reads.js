// Scenarios 1 to 3: the reads. Each spreads its requests over many keys (users,
// tweets) so that no single row or cache entry is hot, as with real traffic.
import { measure, rotating } from '../load.js';

/** 1. The authenticated home timeline, 20 items, a different user on each request. */
export async function homeTimeline({ instance, config, pool }) {
  const target = {
    url: instance.baseUrl,
    requests: rotating((i) => ({ path: '/api/v2/timelines/home?limit=20', token: pool[i % pool.length].token })),
  };
  return {
    n: 1,
    scenario: 'home timeline, 20 items',
    ...(await measure(target, config, instance)),
    notes: `${pool.length} users in turn`,
  };
}

/** 2. The public timeline: the same page for everyone. */
export async function publicTimeline({ instance, config }) {
  const target = { url: `${instance.baseUrl}/api/v2/timelines/public?limit=20` };
  return { n: 2, scenario: 'public timeline, 20 items', ...(await measure(target, config, instance)), notes: '' };
}

/** 3. One tweet by id, over the ids seen in the sampled home timelines. */
export async function tweetById({ instance, config, tweetIds }) {
  const target = {
    url: instance.baseUrl,
    requests: rotating((i) => ({ path: `/api/v2/tweets/${encodeURIComponent(tweetIds[i % tweetIds.length])}` })),
  };
  return {
    n: 3,
    scenario: 'one tweet by id',
    ...(await measure(target, config, instance)),
    notes: `${tweetIds.length} ids in turn`,
  };
}
