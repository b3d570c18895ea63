// Who the scenarios act as: seeded people found through the API (followers lists),
// with tokens from the cache (lib/tokens.js). The usernames come from the data, not
// from the seed's code, so the bench works on any seeded database.
import { eachFollowerPage, homeTimeline, lookupUser, mapLimit, request } from './api.js';

/**
 * The pool for the authenticated scenarios: `size` seeded people, the most recent
 * followers of the most followed accounts (seed names them), logged in.
 */
export async function loginPool(baseUrl, manifest, password, size, tokenCache) {
  const usernames = new Set();
  for (const { username } of manifest.top) {
    const user = await lookupUser(baseUrl, username);
    await eachFollowerPage(baseUrl, user.id, (page) => {
      for (const f of page) usernames.add(f.username);
      return usernames.size < size;
    });
    if (usernames.size >= size) break;
  }
  const names = [...usernames].slice(0, size);
  const { tokens, loggedIn } = await tokenCache.tokensFor(baseUrl, names, password);
  return { pool: names.map((username, i) => ({ username, token: tokens[i] })), loggedIn };
}

/**
 * Probe the pool's home timelines once: the median body size (the ceiling server
 * answers that many bytes) and the tweet ids in them (scenario 3 reads those: a
 * spread of old and new tweets rather than one hot page).
 */
export async function probeHomes(baseUrl, pool, probes = 50) {
  const sample = pool.slice(0, probes);
  const pages = await mapLimit(sample, 8, (p) => homeTimeline(baseUrl, p.token, 20));
  const sizes = pages.map((p) => p.bytes).sort((a, b) => a - b);
  const ids = new Set();
  for (const p of pages) for (const t of p.body.tweets_list) ids.add(t.id);
  // Homes of a tiny set can be nearly empty: the public timeline fills in.
  if (ids.size < 100) {
    const { body } = await request(`${baseUrl}/api/v2/timelines/public?limit=100`, { expect: 200 });
    for (const t of body.tweets_list) ids.add(t.id);
  }
  return {
    bodyBytes: sizes[Math.floor(sizes.length / 2)],
    emptyHomes: pages.filter((p) => p.body.tweets_list.length === 0).length,
    tweetIds: [...ids],
  };
}
