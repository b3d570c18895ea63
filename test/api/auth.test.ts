import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import { cookiesOf, expectNoSecrets, expectProblem } from '../support/assertions.js';
import { actionsOf } from '../support/actions.js';
import { PASSWORD, inEachStorageMode, useStarling } from '../support/starling.js';

inEachStorageMode('auth API v1', (mode) => {
  const s = useStarling(mode);

  const { login } = actionsOf(s);
  const me = (auth: { token?: string; cookies?: Record<string, string> }) =>
    s.request({ url: '/api/v1/auth/me', ...auth });

  it('logs in: a bearer token, an HttpOnly SameSite=Lax session cookie and a CSRF cookie', async () => {
    const u = await s.signUp('login_ok');
    const res = await login('login_ok');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: expect.any(Number) });
    expect(body.expires_in).toBeGreaterThan(0);
    expect(Number.isInteger(body.expires_in)).toBe(true);
    expect(res.headers['cache-control']).toMatch(/no-store/);
    expectNoSecrets(JSON.stringify({ ...body, access_token: '' }), PASSWORD);

    const cookies = cookiesOf(res);
    const session = cookies.starling_session!;
    const csrf = cookies.starling_csrf!;
    expect(session).toMatchObject({ value: body.access_token, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session.maxAge).toBe(body.expires_in);
    expect(csrf.value).toEqual(expect.any(String));
    expect(csrf.value.length).toBeGreaterThanOrEqual(16);
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf.sameSite).toBe('Lax');
    const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(raw.find((c) => c.startsWith('starling_session='))).toMatch(/;\s*HttpOnly/i);
    expect(raw.find((c) => c.startsWith('starling_session='))).toMatch(/;\s*SameSite=Lax/i);

    const viaBearer = await me({ token: body.access_token });
    expect(viaBearer.statusCode).toBe(200);
    expect(viaBearer.json()).toEqual({
      id: u.id,
      username: 'login_ok',
      name: 'login_ok',
      email: 'login_ok@example.com',
      email_verified: false,
      created_at: expect.any(String),
      followers_count: 0,
      following_count: 0,
      tweets_count: 0,
    });
    expectNoSecrets(viaBearer.body, PASSWORD);
    const viaCookie = await me({ cookies: { starling_session: session.value } });
    expect(viaCookie.statusCode).toBe(200);
    expect(viaCookie.json()).toEqual(viaBearer.json());
  });

  it('fails a wrong password and an unknown username identically with 401', async () => {
    await s.signUp('login_victim');
    const wrong = expectProblem(await login('login_victim', 'not the password'), 401);
    const unknown = expectProblem(await login('nobody_by_that_name', 'not the password'), 401);
    const pick = (p: typeof wrong) => ({ type: p.type, title: p.title, detail: p.detail, status: p.status });
    expect(pick(unknown)).toEqual(pick(wrong));
    expect(unknown.detail).not.toMatch(/nobody_by_that_name|login_victim/);
    const again = await login('login_victim', 'not the password');
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await login('LOGIN_VICTIM')).statusCode).toBe(200);
  });

  it('validates the login body', async () => {
    expectProblem(await s.request({ method: 'POST', url: '/api/v1/auth/login', json: { username: 'x' } }), 400, [
      'password',
    ]);
    expectProblem(await s.request({ method: 'POST', url: '/api/v1/auth/login', json: {} }), 400, [
      'username',
      'password',
    ]);
    const extra = { username: 'x', password: 'y', remember: true };
    expectProblem(await s.request({ method: 'POST', url: '/api/v1/auth/login', json: extra }), 400, ['remember']);
  });

  it('answers 401 on /me without credentials or with a bad token', async () => {
    const anonymous = expectProblem(await me({}), 401);
    expect(anonymous.status).toBe(401);
    expectProblem(await me({ token: 'garbage' }), 401);
    expectProblem(await s.request({ url: '/api/v1/auth/me', headers: { authorization: 'Basic Zm9vOmJhcg==' } }), 401);
    expectProblem(await me({ cookies: { starling_session: 'garbage' } }), 401);
  });

  it('logs out: 204, the token stops working and both cookies are cleared', async () => {
    await s.signUp('logout_user');
    const first = (await login('logout_user')).json().access_token as string;
    const second = (await login('logout_user')).json().access_token as string;
    const res = await s.request({ method: 'POST', url: '/api/v1/auth/logout', token: first });
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');

    const cleared = cookiesOf(res);
    for (const name of ['starling_session', 'starling_csrf']) {
      const c = cleared[name];
      expect(c, `${name} is cleared`).toBeDefined();
      expect(c!.value).toBe('');
      expect(c!.path).toBe('/');
      const expired = (c!.expires !== undefined && c!.expires.getTime() <= Date.now()) || c!.maxAge === 0;
      expect(expired, `${name} expires in the past`).toBe(true);
    }
    expectProblem(await me({ token: first }), 401);
    expectProblem(await me({ cookies: { starling_session: first } }), 401);
    expectProblem(await s.request({ method: 'POST', url: '/api/v1/auth/logout', token: first }), 401);
    // Only that session ended.
    expect((await me({ token: second })).json().username).toBe('logout_user');
    expectProblem(await s.request({ method: 'POST', url: '/api/v1/auth/logout' }), 401);
  });

  it('issues ES256 JWTs verifiable with the published JWKS', async () => {
    const u = await s.signUp('jwt_user');
    const jwks = await s.request({ url: '/api/v1/auth/jwks' });
    expect(jwks.statusCode).toBe(200);
    const set = jwks.json() as JSONWebKeySet;
    expect(set.keys.length).toBeGreaterThan(0);
    for (const key of set.keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
      expect(key).not.toHaveProperty('d');
    }
    expect(decodeProtectedHeader(u.token).alg).toBe('ES256');
    const { payload } = await jwtVerify(u.token, createLocalJWKSet(set), { algorithms: ['ES256'] });
    expect(payload.sub).toBe(u.id);
    expect(payload.exp! - payload.iat!).toBe((await login('jwt_user')).json().expires_in);
    expectNoSecrets(JSON.stringify(payload), PASSWORD);

    const [h, , sig] = u.token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...payload, role: 'admin' })).toString('base64url');
    await expect(jwtVerify(`${h}.${forgedPayload}.${sig}`, createLocalJWKSet(set))).rejects.toThrow();
    expectProblem(await me({ token: `${h}.${forgedPayload}.${sig}` }), 401);
  });

  describe('CSRF protection of cookie-authenticated writes', () => {
    const cookieLogin = async (username: string) => {
      const u = await s.signUp(username);
      const c = cookiesOf(await login(username));
      return { ...u, session: c.starling_session!.value, csrf: c.starling_csrf!.value };
    };
    const bodies = async () =>
      ((await s.request({ url: '/api/v2/tweets?limit=100' })).json().tweets_list as Array<{ body: string }>).map(
        (t) => t.body,
      );

    it('refuses a cookie-authenticated write without the X-CSRF-Token header', async () => {
      const u = await cookieLogin('csrf_cookie');
      const cookies = { starling_session: u.session, starling_csrf: u.csrf };
      const post = await s.request({ method: 'POST', url: '/api/v2/tweets', cookies, json: { body: 'forged tweet' } });
      expectProblem(post, 403);
      const put = await s.request({ method: 'PUT', url: `/api/v1/users/${u.id}`, cookies, json: { name: 'Forged' } });
      expectProblem(put, 403);
      const wrongHeader = { 'x-csrf-token': 'not-the-token' };
      expectProblem(
        await s.request({
          method: 'PUT',
          url: `/api/v1/users/${u.id}`,
          cookies,
          headers: wrongHeader,
          json: { name: 'Forged' },
        }),
        403,
      );
      expectProblem(await s.request({ method: 'POST', url: '/api/v1/auth/logout', cookies }), 403);

      expect(await bodies()).not.toContain('forged tweet');
      expect((await s.request({ url: `/api/v1/users/${u.id}` })).json().name).toBe('csrf_cookie');
      expect((await me({ cookies })).statusCode).toBe(200);
    });

    it("does not accept another session's CSRF token", async () => {
      const u = await cookieLogin('csrf_mixer');
      const otherCsrf = cookiesOf(await login('csrf_mixer')).starling_csrf!.value;
      const cookies = { starling_session: u.session, starling_csrf: otherCsrf };
      const res = await s.request({
        method: 'POST',
        url: '/api/v2/tweets',
        cookies,
        headers: { 'x-csrf-token': otherCsrf },
        json: { body: 'mixed' },
      });
      expectProblem(res, 403);
      expect(await bodies()).not.toContain('mixed');
    });

    it('accepts the write when X-CSRF-Token echoes the csrf cookie', async () => {
      const u = await cookieLogin('csrf_ok');
      const cookies = { starling_session: u.session, starling_csrf: u.csrf };
      const headers = { 'x-csrf-token': u.csrf };
      const post = await s.request({
        method: 'POST',
        url: '/api/v2/tweets',
        cookies,
        headers,
        json: { body: 'cookie tweet' },
      });
      expect(post.statusCode, post.body).toBe(201);
      expect(post.json()).toMatchObject({ body: 'cookie tweet', tweetedby: 'csrf_ok', author_id: u.id });
      const put = await s.request({
        method: 'PUT',
        url: `/api/v1/users/${u.id}`,
        cookies,
        headers,
        json: { name: 'Via Cookie' },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect((await s.request({ url: `/api/v1/users/${u.id}` })).json().name).toBe('Via Cookie');
      const out = await s.request({ method: 'POST', url: '/api/v1/auth/logout', cookies, headers });
      expect(out.statusCode).toBe(204);
      expectProblem(await me({ cookies }), 401);
    });

    it('needs no CSRF header for a bearer-authenticated write', async () => {
      const u = await s.signUp('csrf_bearer');
      const post = await s.request({
        method: 'POST',
        url: '/api/v2/tweets',
        token: u.token,
        json: { body: 'bearer tweet' },
      });
      expect(post.statusCode, post.body).toBe(201);
      const put = await s.request({
        method: 'PUT',
        url: `/api/v1/users/${u.id}`,
        token: u.token,
        json: { name: 'Via Bearer' },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().name).toBe('Via Bearer');
    });
  });
});
