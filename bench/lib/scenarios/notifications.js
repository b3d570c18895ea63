// Scenarios 13 to 15: notifications, and what notify sends from them.
//
// The author is an account the bench signs up for the run (a fresh one: no notification
// before the first like, and an address it confirms through the mail sink, since notify
// mails only confirmed addresses; seeded accounts have none). It posts a few tweets, and
// the pool's users like every one of them:
//
//   13  10,000 likes (the pool's 400 users × 25 tweets; 100 × 10 = 1,000 with --quick;
//       a set's people can like a tweet once each, so a popular account's burst is
//       several tweets' worth): from the first like sent until the author's unread
//       count has all of them. req/s and latency are the likes'.
//   14  then the author asks for a mail per like (`like: immediate`) and registers
//       webhooks for `notification.like`; more likes (2 tweets' worth; 1 with --quick)
//       give one notification mail each through SMTP to the sink,
//   15  and one call per webhook to the receiver (lib/sinks.js).
//       Both: per mail or call the delay from its like being sent (p50/p99), the time
//       from the first like to the last arrival, and arrivals per second between the
//       first and the last.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { login, mapLimit, postTweet, request } from '../api.js';
import { subjectOf } from '../app-tokens.js';
import { percentile } from '../load.js';
import { startMemorySampler } from '../memory.js';
import { assertAlive, waitForIdle } from '../starling.js';

/** The target: 10,000 like notifications recorded within this long. */
export const RECORDED_TARGET_MS = 5_000;
export const TARGET_LIKES = 10_000;
/** Registered webhooks: notify sends to one endpoint in order, to several at once. */
const WEBHOOKS = 4;
/** Stop waiting this long after the last like. */
const WAIT_MS = 120_000;
/** No like is sent after this long (a smoke run: a sixth of it). */
const LIKES_BUDGET_MS = 600_000;
const POLL_MS = 100;

const now = () => performance.timeOrigin + performance.now();
const n = (x) => x.toLocaleString('en-US');

/** Sign up the run's author, confirm its address from the mail sink, log in. */
async function freshAuthor(baseUrl, smtp, runTag, password) {
  const username = `notified_${runTag}`;
  const email = `${username}@example.com`;
  await request(`${baseUrl}/api/v1/users`, { method: 'POST', body: { username, email, password }, expect: 201 });
  const deadline = Date.now() + 60_000;
  let link = null;
  while (!link) {
    if (Date.now() > deadline) throw new Error(`no confirmation mail reached the sink for ${email} within 60 s`);
    for (const mail of smtp.to(email)) link ??= /verify-email\?token=([^\s"<>&]+)/.exec(await smtp.text(mail));
    if (!link) await sleep(100);
  }
  await request(`${baseUrl}/api/v1/auth/email_confirmation/confirm`, {
    method: 'POST',
    body: { token: decodeURIComponent(link[1]) },
    expect: 204,
  });
  const token = await login(baseUrl, username, password);
  return { username, email, token, id: subjectOf(token) };
}

/**
 * `likers` × `tweets`, `connections` at a time; the sending time of each like by
 * `likerId:tweetId` and `username:tweetId`. No like is sent after `budgetMs`: a server
 * answering a like in seconds must not hold a run for an hour; `count` is those sent.
 */
async function likeAll(baseUrl, likers, tweets, connections, budgetMs) {
  const pairs = tweets.flatMap((tweet) => likers.map((liker) => ({ liker, tweet })));
  const sent = new Map();
  const latencies = [];
  let failed = 0;
  let count = 0;
  const until = now() + budgetMs;
  await mapLimit(pairs, connections, async ({ liker, tweet }) => {
    if (now() > until) return;
    count++;
    const at = now();
    sent.set(`${liker.id}:${tweet}`, at);
    sent.set(`${liker.username}:${tweet}`, at);
    try {
      const res = await request(`${baseUrl}/api/v2/tweets/${tweet}/like`, { method: 'POST', token: liker.token });
      if (res.status === 200) latencies.push(now() - at);
      else failed++;
    } catch {
      failed++;
    }
  });
  return { count, planned: pairs.length, sent, latencies: Float64Array.from(latencies).sort(), failed };
}

async function unreadCount(baseUrl, token) {
  const res = await request(`${baseUrl}/api/v2/notifications/unread_count`, { token }).catch(() => null);
  return res?.status === 200 ? res.body.count : null;
}

/** Arrivals (epoch ms) matched to their like's sending time: the delays, the span, the rate. */
function arrivals(items, firstSent) {
  const delays = Float64Array.from(items.map((i) => i.at - (i.sent ?? firstSent))).sort();
  const times = items.map((i) => i.at).sort((a, b) => a - b);
  const span = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : null;
  return {
    delays,
    lastMs: times.length > 0 ? times[times.length - 1] - firstSent : null,
    rate: span ? (times.length - 1) / span : null,
  };
}

export async function notifications({ instance, config, pool, runTag: run, password, sinks }) {
  const baseUrl = instance.baseUrl;
  const { smtp, webhooks } = sinks;
  // The sinks serve every mode of the run: each mode's author and webhooks have names of their own.
  const runTag = `${run}${randomBytes(2).toString('hex')}`;
  const author = await freshAuthor(baseUrl, smtp, runTag, password);
  const likers = pool.map((p) => ({ username: p.username, token: p.token, id: subjectOf(p.token) }));
  const tweetsA = config.quick ? 10 : Math.ceil(TARGET_LIKES / likers.length);
  const tweetsB = config.quick ? 1 : 2;
  const tweets = [];
  for (let k = 0; k < tweetsA + tweetsB; k++) {
    tweets.push((await postTweet(baseUrl, author.token, `bench ${runTag}: like this, number ${k + 1}`)).id);
  }
  await waitForIdle(instance);

  // 13. The burst of likes, and the author's unread count catching up with it.
  const sampler = startMemorySampler(instance);
  const firstA = now();
  let recordedAt = null;
  let lastCount = 0;
  const budget = config.quick ? LIKES_BUDGET_MS / 6 : LIKES_BUDGET_MS;
  const likesA = likeAll(baseUrl, likers, tweets.slice(0, tweetsA), config.connections, budget);
  // Until the likes are done, all of them; then those sent (a like that failed may still have counted).
  let expected = likers.length * tweetsA;
  likesA.then((a) => (expected = a.count - a.failed));
  const watch = (async () => {
    let deadline = Infinity;
    likesA.then(() => (deadline = now() + WAIT_MS));
    while (now() < deadline) {
      // A server that died answers nothing more: say so now rather than after the wait.
      assertAlive(instance);
      lastCount = (await unreadCount(baseUrl, author.token)) ?? lastCount;
      if (lastCount >= expected) return (recordedAt = now());
      await sleep(POLL_MS);
    }
  })();
  // Its failure is awaited below, once the likes are done; until then it must not count as unhandled.
  watch.catch(() => {});
  const a = await likesA;
  const likesSeconds = (now() - firstA) / 1000;
  expected = a.count - a.failed;
  await watch;
  const rssA = await sampler.stop();
  const missingA = Math.max(0, expected - lastCount);
  const rows = [
    {
      n: 13,
      scenario: 'notifications: likes recorded',
      rps: a.count / likesSeconds,
      p50: percentile(a.latencies, 50),
      p99: percentile(a.latencies, 99),
      errors: a.failed + missingA,
      timeMs: recordedAt === null ? null : recordedAt - firstA,
      ...rssA,
      notifications: { planned: a.planned, expected, recorded: lastCount },
      notes:
        `${n(a.count)} likes (${likers.length} users × ${tweetsA} tweets of one fresh account), ${config.connections} at a time` +
        (a.count < a.planned ? ` (of ${n(a.planned)}: no more sent after ${budget / 1000} s)` : '') +
        '; ' +
        `time = first like sent → the author's unread count at ${n(expected)} (polled every ${POLL_MS} ms); ` +
        `req/s, p50, p99: the likes'` +
        (a.failed > 0 ? `; ${n(a.failed)} likes failed` : '') +
        (missingA > 0 ? `; ${n(missingA)} notifications not recorded ${WAIT_MS / 1000} s after the last like` : ''),
    },
  ];
  await waitForIdle(instance);

  // 14, 15. A mail and WEBHOOKS calls per like from now on.
  await request(`${baseUrl}/api/v2/notifications/preferences`, {
    method: 'PUT',
    token: author.token,
    body: { email: { like: 'immediate' } },
    expect: 200,
  });
  const hooks = [];
  for (let k = 0; k < WEBHOOKS; k++) {
    const { body } = await request(`${baseUrl}/api/v2/webhooks`, {
      method: 'POST',
      token: author.token,
      body: { url: webhooks.url(`${runTag}/${k}`), events: ['notification.like'], description: `bench ${runTag}` },
      expect: 201,
    });
    hooks.push(body.id);
  }
  // The preference and the webhooks are events notify applies; give them their moment.
  await waitForIdle(instance);
  const mailsBefore = smtp.to(author.email).length;
  const samplerB = startMemorySampler(instance);
  const firstB = now();
  const b = await likeAll(baseUrl, likers, tweets.slice(tweetsA), config.connections, budget);
  // One mail and WEBHOOKS calls per like answered 200; a like that failed (a time-out) may
  // still have been taken, and bring its own.
  const wanted = { mails: b.count - b.failed, calls: (b.count - b.failed) * WEBHOOKS };
  const failedLikes = b.failed > 0 ? `; ${n(b.failed)} of the ${n(b.count)} likes failed` : '';
  const deadline = now() + WAIT_MS;
  const mails = () => smtp.to(author.email).slice(mailsBefore);
  const calls = () => webhooks.at(runTag);
  while (now() < deadline && (mails().length < wanted.mails || calls().length < wanted.calls)) {
    assertAlive(instance);
    await sleep(POLL_MS);
  }
  const rssB = await samplerB.stop();

  // Which like each arrival is about: the mail names the liker and links the tweet; a call's body has both ids.
  const mailItems = await Promise.all(
    mails().map(async (m) => {
      const text = await smtp.text(m);
      const who = /\(@([A-Za-z0-9_]+)\)/.exec(text)?.[1];
      const tweet = /\/t\/([0-9A-Za-z]+)/.exec(text)?.[1];
      return { at: m.at, sent: b.sent.get(`${who}:${tweet}`) };
    }),
  );
  const callItems = calls().map((c) => {
    let data = {};
    try {
      data = JSON.parse(c.body).data ?? {};
    } catch {
      // Not the JSON the receiver expects: its delay counts from the first like.
    }
    return { at: c.at, sent: b.sent.get(`${data.actor_id}:${data.tweet_id}`) };
  });
  const mail = arrivals(mailItems, firstB);
  const hook = arrivals(callItems, firstB);
  const rateNote = (r) => (r.rate === null ? '' : `; ${r.rate.toFixed(1)}/s between the first and the last`);
  rows.push(
    {
      n: 14,
      scenario: 'notification mail through SMTP',
      rps: mail.rate,
      p50: percentile(mail.delays, 50),
      p99: percentile(mail.delays, 99),
      errors: Math.max(0, wanted.mails - mailItems.length),
      timeMs: mail.lastMs,
      ...rssB,
      notes:
        `${n(mailItems.length)} mails for ${n(wanted.mails)} likes (one each: ${likers.length} users × ${tweetsB} tweet${tweetsB === 1 ? '' : 's'}, ` +
        `\`like: immediate\`) to an SMTP sink in the bench; p50/p99 = like sent → mail received, ` +
        `time = first like → last mail; req/s = mails per second${rateNote(mail)}${failedLikes}`,
    },
    {
      n: 15,
      scenario: 'webhook deliveries',
      rps: hook.rate,
      p50: percentile(hook.delays, 50),
      p99: percentile(hook.delays, 99),
      errors: Math.max(0, wanted.calls - callItems.length),
      timeMs: hook.lastMs,
      ...rssB,
      notes:
        `${n(callItems.length)} calls for ${n(wanted.calls)} (the same likes, ${WEBHOOKS} webhooks of the author on ` +
        `\`notification.like\`: each endpoint gets its calls in order, the endpoints at once) to a receiver in the bench ` +
        `answering 204; p50/p99 = like sent → call received, time = first like → last call; req/s = calls per second` +
        rateNote(hook) +
        failedLikes,
    },
  );

  // What is still queued must not go on into the next measurement.
  await request(`${baseUrl}/api/v2/notifications/preferences`, {
    method: 'PUT',
    token: author.token,
    body: { email: { like: 'off' } },
  }).catch(() => {});
  for (const id of hooks) {
    await request(`${baseUrl}/api/v2/webhooks/${id}`, { method: 'DELETE', token: author.token }).catch(() => {});
  }
  return rows;
}
