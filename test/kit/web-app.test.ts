import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, loadConfig, type Platform } from '@starling/kit';
import { allServices } from '@starling/cli/services';
import { expectProblem } from '../support/assertions.js';
import { ROOT } from '../support/process.js';

/*
 * The built web app (apps/web/dist) served by the platform at `/`, as `starling start`
 * serves it: its security headers, the single-page fallback, and API 404s that stay
 * problem+json. Needs the built app: `npm run build`.
 */
describe('the web app served at /', () => {
  const root = join(ROOT, 'apps/web/dist');
  let platform: Platform;
  const get = (url: string, accept?: string) =>
    platform.app.inject({ method: 'GET', url, headers: accept ? { accept } : {} });

  beforeAll(async () => {
    if (!existsSync(join(root, 'index.html'))) {
      throw new Error(`${join(root, 'index.html')} is missing: run \`npm run build\` to build the web app first.`);
    }
    platform = await createPlatform({
      config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: '' }),
      services: allServices(),
      dataDir: 'memory://',
      webRoot: root,
    });
    await platform.start();
  });
  afterAll(async () => platform?.close());

  const indexHtml = () => readFileSync(join(root, 'index.html'), 'utf8');

  it('GET / is the app: HTML with a strict Content-Security-Policy and nosniff', async () => {
    const res = await get('/', 'text/html');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toBe(indexHtml());
    const csp = String(res.headers['content-security-policy'] ?? '');
    expect(csp, 'a content-security-policy header').not.toBe('');
    const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc.split(/\s+/), 'script-src').toContain("'self'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control'], 'the page is always revalidated').toMatch(/no-cache/);
  });

  it('the built index.html has no inline script or style, so the policy lets it run', () => {
    const html = indexHtml();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style[\s>]/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('GET /u/ada asking for HTML is index.html (client-side routes survive a reload)', async () => {
    for (const url of ['/u/ada', '/login', '/profile', '/u/ada?x=1']) {
      const res = await get(url, 'text/html,application/xhtml+xml,*/*;q=0.8');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toBe(indexHtml());
      expect(res.headers['content-security-policy'], url).toBeDefined();
    }
  });

  it('an unknown API path is a problem+json 404 even when HTML is asked for', async () => {
    for (const url of ['/api/v1/nope', '/api/v2/nope', '/api/nope']) {
      expectProblem(await get(url, 'text/html'), 404);
    }
  });

  it('an unknown path asking for JSON is a problem+json 404', async () => {
    expectProblem(await get('/nope', 'application/json'), 404);
    expectProblem(await get('/nope'), 404);
  });

  it('hashed assets under /assets/ are served with a long-lived immutable cache-control', async () => {
    const assets = readdirSync(join(root, 'assets')).filter((name) => /\.(js|css)$/.test(name));
    expect(assets.length, 'the build has hashed assets').toBeGreaterThan(0);
    for (const name of assets) {
      const res = await get(`/assets/${name}`);
      expect(res.statusCode, name).toBe(200);
      expect(res.headers['content-type'], name).toMatch(name.endsWith('.js') ? /javascript/ : /^text\/css/);
      const cacheControl = String(res.headers['cache-control']);
      expect(cacheControl, name).toMatch(/max-age=31536000/);
      expect(cacheControl, name).toMatch(/immutable/);
      expect(res.headers['x-content-type-options'], name).toBe('nosniff');
    }
    // Every asset index.html loads exists.
    for (const [, src] of indexHtml().matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) {
      expect((await get(src!)).statusCode, src).toBe(200);
    }
  });

  it('the production build serves no source maps', async () => {
    const assets = readdirSync(join(root, 'assets'));
    expect(assets.filter((name) => name.endsWith('.map'))).toEqual([]);
    for (const name of assets.filter((n) => n.endsWith('.js'))) {
      const res = await get(`/assets/${name}`);
      expect(res.body, name).not.toMatch(/sourceMappingURL/);
      expect((await get(`/assets/${name}.map`, '*/*')).statusCode, `${name}.map`).toBe(404);
    }
  });

  it('a missing asset is a 404, not the page', async () => {
    const res = await get('/assets/missing-0000.js', '*/*');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toBe(indexHtml());
  });

  it('/docs, /openapi.json and the health routes still work', async () => {
    let url = '/docs';
    let res = await get(url, 'text/html');
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 5; hops++) {
      url = new URL(String(res.headers.location), `http://starling.test${url}`).pathname;
      res = await get(url, 'text/html');
    }
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).not.toBe(indexHtml());
    expect(res.body).toMatch(/swagger/i);

    const doc = await get('/openapi.json', 'text/html');
    expect(doc.statusCode).toBe(200);
    expect(doc.json()).toMatchObject({ openapi: expect.any(String) });
    expect((await get('/healthz', 'text/html')).json()).toEqual({ status: 'ok' });
    expect((await get('/api/v2/tweets', 'text/html')).headers['content-type']).toMatch(/application\/json/);
  });
});
