import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';

/*
 * Input that PostgreSQL cannot store, requests without the body their operation needs,
 * and the other things that probing the running system found, each refused the way the
 * contract says: a problem document, never a 500.
 */
/** The identity service's signing key, given to it as AUTH_SIGNING_KEY, so a test can sign what a client cannot. */
const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const SIGNING_KEY = { ...(await exportJWK(privateKey)), kid: 'hardening-test' };

inEachStorageMode('hardened input', (mode) => {
  const s = useStarling(mode, { AUTH_SIGNING_KEY: JSON.stringify(SIGNING_KEY) });

  it('a NUL or a lone surrogate in a JSON string is a 400 naming the field, and nothing is written', async () => {
    const ada = await s.signUp('hard_ada');
    for (const bad of ['a\u0000b', 'a\ud800b', '\udc00']) {
      const tweet = await s.request({ method: 'POST', url: '/api/v2/tweets', token: ada.token, json: { body: bad } });
      expectProblem(tweet, 400, ['body']);
      const profile = await s.request({
        method: 'PUT',
        url: `/api/v1/users/${ada.id}`,
        token: ada.token,
        json: { name: bad, bio: 'fine' },
      });
      expectProblem(profile, 400, ['name']);
      const login = await s.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        json: { username: bad, password: 'x' },
      });
      expectProblem(login, 400, ['username']);
      const signUp = await s.request({
        method: 'POST',
        url: '/api/v1/users',
        json: { username: 'hard_bea', email: 'bea@example.com', password: 'long enough', name: bad },
      });
      expectProblem(signUp, 400, ['name']);
    }
    const tweets = await s.request({ url: `/api/v2/tweets?tweetedby=hard_ada` });
    expect(tweets.json().tweets_list).toEqual([]);
    expectProblem(await s.request({ url: '/api/v1/users/lookup?username=hard_bea' }), 404);
  });

  it('a NUL in a query parameter or a path id is a 400 naming it', async () => {
    expectProblem(await s.request({ url: '/api/v1/users/lookup?username=a%00b' }), 400, ['username']);
    expectProblem(await s.request({ url: '/api/v2/tweets?tweetedby=a%00b' }), 400, ['tweetedby']);
    expectProblem(await s.request({ url: '/api/v2/tweets/a%00b/context' }), 400, ['id']);
    expectProblem(await s.request({ url: '/api/v2/tweets/a%00b' }), 400, ['id']);
    expectProblem(await s.request({ url: '/api/v2/timelines/tag/a%00b' }), 400, ['tag']);
  });

  it('a URL whose percent-encoding is not UTF-8 (a lone surrogate) is a 400 problem', async () => {
    expectProblem(await s.request({ url: '/api/v2/timelines/tag/a%ED%A0%80b' }), 400);
    expectProblem(await s.request({ url: '/api/v2/tweets/%E0%A4%A' }), 400);
  });

  it('a path parameter over the length limit is a 414 problem', async () => {
    expectProblem(await s.request({ url: `/api/v2/tweets/${'x'.repeat(500)}` }), 414);
  });

  it('an operation that takes a body answers 400 when there is none at all', async () => {
    const ada = await s.signUp('hard_cy');
    expectProblem(await s.request({ method: 'POST', url: '/api/v1/users' }), 400, ['(body)']);
    expectProblem(await s.request({ method: 'POST', url: '/api/v2/tweets', token: ada.token }), 400, ['(body)']);
    expectProblem(await s.request({ method: 'POST', url: '/api/v1/auth/login' }), 400, ['(body)']);
    expectProblem(await s.request({ method: 'PUT', url: `/api/v1/users/${ada.id}`, token: ada.token }), 400, [
      '(body)',
    ]);
  });

  it('a tweet of nothing but zero-width and control characters is refused like a blank one', async () => {
    const ada = await s.signUp('hard_di');
    for (const body of ['\u200b\u200b', ' \u200d\u2060 ', '\u0007\ufeff']) {
      const res = await s.request({ method: 'POST', url: '/api/v2/tweets', token: ada.token, json: { body } });
      expectProblem(res, 400, ['body']);
    }
    const kept = await s.request({
      method: 'POST',
      url: '/api/v2/tweets',
      token: ada.token,
      json: { body: 'hi\u200b' },
    });
    expect(kept.statusCode).toBe(201);
  });

  it('a client X-Request-Id is kept when it looks like an id and replaced otherwise', async () => {
    const ok = await s.request({ url: '/api/v1/info', headers: { 'x-request-id': 'trace-42.abc_DEF:1' } });
    expect(ok.headers['x-request-id']).toBe('trace-42.abc_DEF:1');
    for (const bad of ['x'.repeat(200), 'evil id\twith spaces', '<script>', 'a\u00e9b']) {
      const res = await s.request({ url: '/api/v1/info', headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).not.toBe(bad);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('security headers on every answer; personalised reads are private and vary by credentials', async () => {
    const ada = await s.signUp('hard_ed');
    for (const url of ['/api/v1/info', '/docs', '/docs/static/index.html', '/openapi.json', '/api/v2/nothing']) {
      const res = await s.request({ url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(String(res.headers['content-security-policy']), url).toContain("frame-ancestors 'none'");
    }
    const home = await s.request({ url: '/api/v2/timelines/home', token: ada.token });
    expect(home.statusCode).toBe(200);
    expect(String(home.headers['cache-control'])).toMatch(/\bprivate\b/);
    expect(String(home.headers.vary)).toMatch(/Authorization/i);
    expect(String(home.headers.vary)).toMatch(/Cookie/i);
    const user = await s.request({ url: `/api/v1/users/${ada.id}`, token: ada.token });
    expect(String(user.headers['cache-control'])).toMatch(/\bprivate\b/);
    const anonymous = await s.request({ url: '/api/v2/timelines/public' });
    expect(String(anonymous.headers.vary)).toMatch(/Authorization/i);
  });

  it('a token without exp is refused, even signed with the right key', async () => {
    const ada = await s.signUp('hard_fy');
    const [, payload] = ada.token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const { exp: _exp, ...forever } = claims;
    const header = { alg: 'ES256', kid: SIGNING_KEY.kid };
    const forged = await new SignJWT(forever).setProtectedHeader(header).sign(privateKey);
    const withExp = await new SignJWT(claims).setProtectedHeader(header).sign(privateKey);
    expect((await s.request({ url: '/api/v1/auth/me', token: withExp })).statusCode).toBe(200);
    expectProblem(await s.request({ url: '/api/v1/auth/me', token: forged }), 401);
  });
});
