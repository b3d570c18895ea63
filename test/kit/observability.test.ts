import { expect, it } from 'vitest';
import { createPlatform, loadConfig } from '@starling/kit';
import { allServices } from '@starling/cli/services';
import { expectProblem } from '../support/assertions.js';
import { createDatabase, inEachStorageMode, useStarling } from '../support/starling.js';

/** The labels of each sample of a metric in Prometheus text format. */
function samples(text: string, name: string): Array<{ labels: Record<string, string>; value: number }> {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`))
    .map((line) => {
      const match = /^[^{]+\{(.*)\}\s+(\S+)$/.exec(line)!;
      const labels = Object.fromEntries(
        [...match[1]!.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
      );
      return { labels, value: Number(match[2]) };
    });
}

const CONSUMERS = [
  'auth.revocations',
  'identity.users',
  'identity.credentials',
  'identity.sessions',
  'identity.relationships',
  'identity.tweet-counts',
  'identity.apps',
  'identity.external-identities',
  'tweets.tweets',
  'tweets.authors',
  'tweets.account-deletions',
  'graph.users',
  'graph.follows',
  'graph.account-deletions',
  'timeline.authors',
  'timeline.tweets',
  'timeline.homes',
  'timeline.follows',
  'timeline.search-users',
  'timeline.search-tweets',
  'tweets.attachments',
  'timeline.attachments',
  'media.media',
  'media.tweet-media',
  'media.account-deletions',
  'notify.accounts',
  'notify.tweets',
  'notify.notifications',
  'notify.notifications.accounts',
  'notify.notifications.follows',
  'notify.notifications.tweets',
  'notify.mail.notifications',
  'notify.mail.preferences',
  'notify.mail.requests.identity',
  'notify.webhooks',
  'notify.webhooks.account-deletions',
  'notify.webhooks.accounts',
  'notify.webhooks.notifications',
  'notify.webhooks.tweets',
  'notify.webhooks.topics.graph',
  'notify.webhooks.topics.identity',
  'notify.webhooks.topics.media',
  'notify.webhooks.topics.notify',
  'notify.webhooks.topics.timeline',
  'notify.webhooks.topics.tweets',
  'mastodon.markers',
  // The streaming API's consumers, which every process runs for its own connections.
  'mastodon.live.graph',
  'mastodon.live.notify',
  'mastodon.live.tweets',
  // Jobs report their lag too.
  'media.extractor',
  'media.object-cleanup',
];
/** The consumers no write waits for. */
const BACKGROUND = ['timeline.homes'];

inEachStorageMode('health, metrics and docs', (mode) => {
  const s = useStarling(mode);

  it('GET /healthz is 200', async () => {
    const res = await s.request({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 once started', async () => {
    const res = await s.request({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('before start(), /readyz and the API answer 503 problem+json; afterwards 200', async () => {
    const database = mode.postgres ? await createDatabase() : undefined;
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: database?.url ?? '' });
    const platform = await createPlatform({ config, services: allServices(), dataDir: 'memory://' });
    try {
      expectProblem(await platform.app.inject({ url: '/readyz' }), 503);
      for (const url of ['/api/v2/tweets', '/api/v1/users']) expectProblem(await platform.app.inject({ url }), 503);
      const post = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ username: 'too_early', email: 'early@example.com', password: 'long enough' }),
      });
      expectProblem(post, 503);
      expect((await platform.app.inject({ url: '/healthz' })).statusCode).toBe(200);

      await platform.start();
      expect((await platform.app.inject({ url: '/readyz' })).statusCode).toBe(200);
      const list = await platform.app.inject({ url: '/api/v1/users' });
      expect(list.statusCode).toBe(200);
      expect(list.json().user_list).toEqual([]);
    } finally {
      await platform.close();
      await database?.drop();
    }
  });

  it('GET /metrics: request durations by method, route template and status code', async () => {
    const ann = await s.signUp('metrics_ann');
    const posted = await s.request({
      method: 'POST',
      url: '/api/v2/tweets',
      token: ann.token,
      json: { body: 'measured' },
    });
    const id = posted.json().id as string;
    expect((await s.request({ url: `/api/v2/tweets/${id}` })).statusCode).toBe(200);
    expect((await s.request({ url: '/api/v2/tweets/NO_SUCH_TWEET' })).statusCode).toBe(404);
    expect((await s.request({ url: '/definitely/not/a/route/8f3a' })).statusCode).toBe(404);

    const res = await s.request({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    expect(text).toContain('http_request_duration_seconds_bucket{');
    const buckets = samples(text, 'http_request_duration_seconds_bucket');
    for (const b of buckets) expect(Object.keys(b.labels).sort()).toEqual(['le', 'method', 'route', 'status_code']);
    const series = (method: string, route: string, status: string) =>
      buckets.filter((b) => b.labels.method === method && b.labels.route === route && b.labels.status_code === status);
    expect(series('GET', '/api/v2/tweets/:id', '200').length).toBeGreaterThan(0);
    expect(series('GET', '/api/v2/tweets/:id', '404').length).toBeGreaterThan(0);
    expect(series('POST', '/api/v2/tweets', '201').length).toBeGreaterThan(0);
    expect(series('POST', '/api/v1/users', '201').length).toBeGreaterThan(0);
    // The +Inf bucket counts every request of the series.
    const inf = series('GET', '/api/v2/tweets/:id', '200').find((b) => b.labels.le === '+Inf')!;
    expect(inf.value).toBeGreaterThanOrEqual(1);
    // Templates, never concrete URLs: ids and unknown paths do not become series.
    expect(text).not.toContain(id);
    expect(text).not.toContain('NO_SUCH_TWEET');
    expect(text).not.toContain('/definitely/not/a/route');
  });

  it('GET /metrics: process metrics', async () => {
    const text = (await s.request({ url: '/metrics' })).body;
    expect(text).toMatch(/^(process_cpu_user_seconds_total|nodejs_heap_size_used_bytes) \d/m);
  });

  it('GET /metrics: projection lag per consumer, zero once caught up', async () => {
    const bea = await s.signUp('metrics_bea');
    await s.request({ method: 'POST', url: '/api/v2/tweets', token: bea.token, json: { body: 'lagless' } });
    const lag = samples((await s.request({ url: '/metrics' })).body, 'starling_projection_lag_events');
    // On the distributed bus each service's relay reports what it has yet to publish.
    const relays = mode.nats
      ? ['identity', 'tweets', 'graph', 'timeline', 'media', 'notify', 'mastodon'].map((r) => `bus.relay.${r}`)
      : [];
    expect(lag.map((l) => l.labels.consumer).sort()).toEqual([...CONSUMERS, ...relays].sort());
    // A write waits for every consumer but the background ones (the home fan-out): those catch up after.
    for (const l of lag.filter((l) => !BACKGROUND.includes(l.labels.consumer!))) {
      expect(l.value, l.labels.consumer).toBe(0);
    }
    await s.platform.bus.drain();
    const drained = samples((await s.request({ url: '/metrics' })).body, 'starling_projection_lag_events');
    for (const l of drained) expect(l.value, l.labels.consumer).toBe(0);
  });

  it('GET /openapi.json: one OpenAPI 3.1 document with both APIs', async () => {
    const res = await s.request({ url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v2/tweets',
        '/api/v2/tweets/{id}',
        '/healthz',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v2/tweets']!)).toEqual(expect.arrayContaining(['get', 'post']));
  });

  it('GET /docs (following redirects) is an HTML page', async () => {
    let url = '/docs';
    let res = await s.request({ url });
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 5; hops++) {
      url = new URL(String(res.headers.location), `http://starling.test${url}`).pathname;
      res = await s.request({ url });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
  });
});
