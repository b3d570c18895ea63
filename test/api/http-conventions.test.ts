import type { Tweet } from '@starling/sdk';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, nextLink } from '../support/assertions.js';
import { inEachStorageMode, startStarling, type Starling } from '../support/starling.js';

/** A problem+json error, and in no way an HTML page. */
function expectJsonProblem(res: LightMyRequestResponse, status: number, fields: string[] = []) {
  const problem = expectProblem(res, status, fields);
  expect(res.headers['content-type']).not.toMatch(/html/i);
  expect(res.body).not.toMatch(/<(!doctype|html|body)/i);
  return problem;
}

inEachStorageMode('HTTP conventions', (mode) => {
  let s: Starling;
  let token: string;
  beforeAll(async () => {
    s = await startStarling(mode);
    token = (await s.signUp('conventions')).token;
  });
  afterAll(async () => s?.close());

  const page = async (url: string) => {
    const res = await s.request({ url });
    expect(res.statusCode, res.body).toBe(200);
    return { tweets: (res.json() as { tweets_list: Tweet[] }).tweets_list, next: nextLink(res), res };
  };

  describe('errors are problem+json', () => {
    it('malformed JSON is a 400', async () => {
      for (const url of ['/api/v2/tweets', '/api/v1/users', '/api/v1/auth/login']) {
        const res = await s.request({
          method: 'POST',
          url,
          token,
          headers: { 'content-type': 'application/json' },
          payload: '{"body": "unterminated',
        });
        expectJsonProblem(res, 400);
      }
    });

    it('a body that is not JSON is a 415', async () => {
      for (const [contentType, payload] of [
        ['text/plain', 'hello'],
        ['application/xml', '<tweet><body>hello</body></tweet>'],
      ] as const) {
        for (const url of ['/api/v2/tweets', '/api/v1/users']) {
          const res = await s.request({
            method: 'POST',
            url,
            token,
            headers: { 'content-type': contentType },
            payload,
          });
          expectJsonProblem(res, 415);
        }
      }
    });

    it('a body over BODY_LIMIT is a 413, while a small one is accepted', async () => {
      const small = await startStarling(mode, { BODY_LIMIT: '2048' });
      try {
        const user = await small.signUp('limited');
        const big = await small.request({
          method: 'POST',
          url: '/api/v2/tweets',
          token: user.token,
          json: { body: 'x'.repeat(10 * 1024) },
        });
        expectJsonProblem(big, 413);
        const ok = await small.request({
          method: 'POST',
          url: '/api/v2/tweets',
          token: user.token,
          json: { body: 'ok' },
        });
        expect(ok.statusCode).toBe(201);
      } finally {
        await small.close();
      }
    });

    it('an unknown route is a 404', async () => {
      for (const [method, url] of [
        ['GET', '/nowhere'],
        ['GET', '/api/v3/tweets'],
        ['POST', '/api/v2/tweets/x/likes'],
        ['PATCH', '/api/v2/tweets'],
      ] as const) {
        expectJsonProblem(await s.request({ method, url, headers: { accept: 'text/html' } }), 404);
      }
    });
  });

  describe('request ids', () => {
    it('every response carries an x-request-id, a fresh one per request', async () => {
      const responses = [
        await s.request({ url: '/api/v2/tweets' }),
        await s.request({ url: '/nowhere' }),
        await s.request({ method: 'POST', url: '/api/v2/tweets', json: { body: 'anonymous' } }),
        await s.request({ method: 'POST', url: '/api/v2/tweets', token, json: { body: '' } }),
        await s.request({ method: 'POST', url: '/api/v2/tweets', token, json: { body: 'with id' } }),
        await s.request({ url: '/healthz' }),
      ];
      expect(responses.map((r) => r.statusCode)).toEqual([200, 404, 401, 400, 201, 200]);
      const ids = responses.map((r) => r.headers['x-request-id']);
      for (const id of ids) expect(id).toMatch(/\S+/);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('echoes an incoming x-request-id', async () => {
      for (const url of ['/api/v2/tweets', '/nowhere']) {
        const res = await s.request({ url, headers: { 'x-request-id': 'client-trace-42' } });
        expect(res.headers['x-request-id']).toBe('client-trace-42');
      }
    });
  });

  describe('lists', () => {
    const AUTHOR = 'pager';
    let posted: Tweet[] = [];
    const base = `/api/v2/tweets?tweetedby=${AUTHOR}`;
    beforeAll(async () => {
      const pager = await s.signUp(AUTHOR);
      posted = [];
      for (let i = 1; i <= 45; i++) {
        const res = await s.request({
          method: 'POST',
          url: '/api/v2/tweets',
          token: pager.token,
          json: { body: `page tweet ${i}` },
        });
        expect(res.statusCode).toBe(201);
        posted.push(res.json() as Tweet);
      }
    });
    const newestFirst = () => [...posted].reverse().map((t) => t.id);

    it('returns 20 by default, with a Link to the next page', async () => {
      const { tweets, next } = await page(base);
      expect(tweets.map((t) => t.id)).toEqual(newestFirst().slice(0, 20));
      expect(next).toBeDefined();
    });

    it('returns up to 100 and no Link when nothing more exists', async () => {
      const { tweets, next, res } = await page(`${base}&limit=100`);
      expect(tweets.map((t) => t.id)).toEqual(newestFirst());
      expect(next).toBeUndefined();
      expect(res.headers.link).toBeUndefined();
    });

    it('refuses a limit of 0, of 101, or not a number, with 400 naming limit', async () => {
      for (const limit of ['0', '101', '-1', 'ten']) {
        expectJsonProblem(await s.request({ url: `${base}&limit=${limit}` }), 400, ['limit']);
      }
    });

    it('pages through 45 tweets 10 at a time: each exactly once, newest first', async () => {
      const seen: string[] = [];
      const sizes: number[] = [];
      let url: string | undefined = `${base}&limit=10`;
      while (url !== undefined) {
        const { tweets, next } = await page(url);
        sizes.push(tweets.length);
        seen.push(...tweets.map((t) => t.id));
        if (next !== undefined) expect(next).toContain(`tweetedby=${AUTHOR}`);
        url = next;
        expect(sizes.length).toBeLessThanOrEqual(5);
      }
      expect(sizes).toEqual([10, 10, 10, 10, 5]);
      expect(seen).toEqual(newestFirst());
    });

    it('has no Link on a last page that is exactly full', async () => {
      const sizes: number[] = [];
      let url: string | undefined = `${base}&limit=15`;
      while (url !== undefined && sizes.length < 4) {
        const { tweets, next } = await page(url);
        sizes.push(tweets.length);
        url = next;
      }
      expect(sizes).toEqual([15, 15, 15]);
      expect(url).toBeUndefined();
    });

    it('pages without duplicates or gaps while new tweets are posted', async () => {
      const live = await s.signUp('pager_live');
      const before: string[] = [];
      for (let i = 1; i <= 17; i++) {
        const res = await s.request({
          method: 'POST',
          url: '/api/v2/tweets',
          token: live.token,
          json: { body: `live ${i}` },
        });
        before.unshift((res.json() as Tweet).id);
      }
      const seen: string[] = [];
      let url: string | undefined = '/api/v2/tweets?tweetedby=pager_live&limit=4';
      let extra = 0;
      while (url !== undefined && seen.length < 100) {
        const { tweets, next } = await page(url);
        seen.push(...tweets.map((t) => t.id));
        // Someone keeps tweeting between the page fetches.
        for (let i = 0; i < 2; i++) {
          const res = await s.request({
            method: 'POST',
            url: '/api/v2/tweets',
            token: live.token,
            json: { body: `new ${++extra}` },
          });
          expect(res.statusCode).toBe(201);
        }
        url = next;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => before.includes(id))).toEqual(before);
    });

    it('refuses a cursor it did not issue with 400 naming cursor', async () => {
      const notOurs = Buffer.from(JSON.stringify({ x: 1 })).toString('base64url');
      for (const cursor of ['garbage!!', 'bm90IGpzb24', notOurs]) {
        expectJsonProblem(await s.request({ url: `${base}&cursor=${cursor}` }), 400, ['cursor']);
      }
    });
  });
});
