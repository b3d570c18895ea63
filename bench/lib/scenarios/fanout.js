// Scenario 7: fan-out delay. How long after a very followed account posts does the
// post reach its followers' home timelines? "The last follower" has no fixed meaning
// (homes are filled in no promised order), so the bench posts as the account, then
// polls a sample of its followers' homes, including its newest follow and its most
// recently created follower, until the post is on the first page of every one of them
// (at the top, on a quiet server); the time until the last of them is the delay.
import { setTimeout as sleep } from 'node:timers/promises';

import { eachFollowerPage, homeTimeline, lookupUser, mapLimit, postTweet } from '../api.js';
import { startMemorySampler } from '../memory.js';
import { waitForIdle } from '../starling.js';

/** The account the target names has 100,000 followers. */
export const BIG = 100_000;
/** Give up on a post after this long: a follower whose home never shows it is a finding. */
const TIMEOUT_MS = 120_000;
/** A follower list of the large set's top account is ~100,000 long: read at most this much. */
const MAX_FOLLOWER_PAGES = 1_000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s[Math.floor((s.length - 1) / 2)];
};

/**
 * The followers to watch: the newest follow (first of the list), the follower whose
 * account is newest (ids are ULIDs: the largest id signed up last), and a uniform
 * sample of the rest (reservoir sampling over the whole list, seeded for repeatability).
 */
async function sampleFollowers(baseUrl, userId, size) {
  let seen = 0;
  let first = null;
  let newestAccount = null;
  const reservoir = [];
  let state = 7;
  const rand = () => (state = (state * 48271) % 2147483647) / 2147483647; // Lehmer: small, seeded
  await eachFollowerPage(
    baseUrl,
    userId,
    (page) => {
      for (const f of page) {
        first ??= f;
        if (!newestAccount || f.id > newestAccount.id) newestAccount = f;
        if (reservoir.length < size) reservoir.push(f);
        else {
          const j = Math.floor(rand() * (seen + 1));
          if (j < size) reservoir[j] = f;
        }
        seen++;
      }
    },
    { maxPages: MAX_FOLLOWER_PAGES },
  );
  const chosen = new Map([first, newestAccount, ...reservoir].filter(Boolean).map((f) => [f.id, f]));
  return { followers: [...chosen.values()].slice(0, Math.max(size, 2)), listed: seen };
}

/** One post: ms until each watched follower has it in their home timeline. */
async function onePost(baseUrl, author, watchers, label) {
  const began = performance.now();
  const tweet = await postTweet(baseUrl, author.token, `bench fan-out ${label}: is everyone seeing this?`);
  const arrived = new Map();
  while (arrived.size < watchers.length && performance.now() - began < TIMEOUT_MS) {
    const pending = watchers.filter((w) => !arrived.has(w.username));
    await mapLimit(pending, 16, async (w) => {
      // On the first page rather than strictly on top: a post of someone else landing
      // in the same instant must not hide that this one has arrived.
      const { body } = await homeTimeline(baseUrl, w.token, 20);
      if (body.tweets_list.some((t) => t.id === tweet.id)) arrived.set(w.username, performance.now() - began);
    });
    if (arrived.size < watchers.length) await sleep(10);
  }
  const times = [...arrived.values()];
  return {
    last: arrived.size === watchers.length ? Math.max(...times) : null,
    median: median(times),
    missing: watchers.length - arrived.size,
  };
}

export async function fanoutDelay({ instance, config, manifest, password, runTag, tokenCache }) {
  const baseUrl = instance.baseUrl;
  // The set's most followed account (seed lists the top three).
  const account = await lookupUser(baseUrl, manifest.top[0].username);
  const { followers, listed } = await sampleFollowers(baseUrl, account.id, config.fanoutSample);
  const names = [account.username, ...followers.map((f) => f.username)];
  const { tokens } = await tokenCache.tokensFor(baseUrl, names, password);
  const author = { username: account.username, token: tokens[0] };
  const watchers = followers.map((f, i) => ({ username: f.username, token: tokens[i + 1] }));

  const sampler = startMemorySampler(instance);
  const posts = [];
  for (let k = 0; k < config.fanoutPosts; k++) {
    await waitForIdle(instance);
    posts.push(await onePost(baseUrl, author, watchers, `${runTag}-${k}`));
  }
  const rss = await sampler.stop();

  const lasts = posts.map((p) => p.last).filter((x) => x !== null);
  const missing = posts.reduce((sum, p) => sum + p.missing, 0);
  const who =
    account.followers_count >= BIG
      ? `@${account.username}, ${account.followers_count.toLocaleString('en-US')} followers`
      : `most followed account @${account.username}, ${account.followers_count.toLocaleString('en-US')} followers (this set has none with ${BIG.toLocaleString('en-US')})`;
  return {
    n: 7,
    scenario: 'fan-out delay to the last follower',
    rps: null,
    p50: median(posts.map((p) => p.median)),
    p99: null,
    errors: missing,
    timeMs: lasts.length > 0 ? median(lasts) : null,
    ...rss,
    followers: account.followers_count,
    notes:
      `${who}; ${watchers.length} of ${listed.toLocaleString('en-US')} followers watched (newest follow, newest account, random); ` +
      `p50 = median follower; ${posts.length === 1 ? 'one post' : `median of ${posts.length} posts: ${posts.map((p) => (p.last === null ? 'timeout' : Math.round(p.last))).join(', ')} ms`}` +
      (missing > 0 ? `; ${missing} homes never showed it within ${TIMEOUT_MS / 1000} s (errors)` : ''),
  };
}
