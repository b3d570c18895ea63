import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeService, problemOf, startGateway, type FakeService, type RunningGateway } from './fakes.js';

describe('the rate limit, and the web app beside the API', () => {
  let tweets: FakeService;
  let gateway: RunningGateway;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'starling-gateway-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Starling</title>');
    writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log("hi")');
    tweets = await fakeService('tweets');
    gateway = await startGateway({ TWEETS_URL: tweets.url, GATEWAY_RATE_LIMIT: '3/60' }, webRoot);
  });
  afterAll(async () => {
    await gateway?.close();
    await tweets?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('answers 429 with Retry-After once an address is over the limit', async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${gateway.url}/api/v2/tweets/${i}`)).status).toBe(200);
    const response = await fetch(`${gateway.url}/api/v2/tweets/4`);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await problemOf(response, 429);
    expect(tweets.seen.length).toBe(3);
    // Unknown API paths count too, so probing for them is limited as well.
    await problemOf(await fetch(`${gateway.url}/api/v1/nothing`), 429);
  });

  it('never limits health checks, metrics or the web app', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
      const page = await fetch(`${gateway.url}/u/ada`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Starling</title>');
      expect((await fetch(`${gateway.url}/assets/app-1234.js`)).headers.get('cache-control')).toContain('immutable');
    }
    const home = await fetch(`${gateway.url}/`);
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/starling_gateway_rate_limited_total [1-9]/);
  });
});

describe('the rate limit behind a trusted proxy', () => {
  it('counts each client the proxy names separately, and tells the service the whole chain', async () => {
    const tweets = await fakeService('tweets');
    const gateway = await startGateway({ TWEETS_URL: tweets.url, GATEWAY_RATE_LIMIT: '2/60', TRUST_PROXY: 'true' });
    const from = (client: string) =>
      fetch(`${gateway.url}/api/v2/tweets/1`, { headers: { 'x-forwarded-for': client } }).then((r) => r.status);
    try {
      expect([await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.1')]).toEqual([
        200, 200, 429,
      ]);
      expect(await from('203.0.113.2')).toBe(200);
      expect(tweets.seen.at(-1)!.headers['x-forwarded-for']).toBe('203.0.113.2, 127.0.0.1');
    } finally {
      await gateway.close();
      await tweets.close();
    }
  });
});
