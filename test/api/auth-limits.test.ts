import { Writable } from 'node:stream';
import { createLogger } from '@starling/kit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cookiesOf, expectProblem } from '../support/assertions.js';
import { actionsOf } from '../support/actions.js';
import { PASSWORD, inEachStorageMode, startStarling, useStarling, type Starling } from '../support/starling.js';

inEachStorageMode('login rate limiting', (mode) => {
  const s = useStarling(mode, { LOGIN_RATE_LIMIT: '3/60', SIGNUP_RATE_LIMIT: '2/60' });

  // Sign up without logging in, so no attempt is counted before the test's own.
  // Each from an address of its own, so the sign-up limit stays out of the login tests.
  let registered = 0;
  const register = async (username: string) => {
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/users',
      json: { username, email: `${username}@example.com`, password: PASSWORD },
      remoteAddress: `10.9.0.${++registered}`,
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const { login } = actionsOf(s);

  const expectTooMany = (res: Awaited<ReturnType<typeof login>>) => {
    expectProblem(res, 429);
    const retryAfter = String(res.headers['retry-after']);
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).not.toMatch(/access_token/);
  };

  it('failures from other addresses never lock the owner out: a correct password from a new address gets in', async () => {
    await register('limited_user');
    // Six wrong guesses, twice the limit, each from an address of its own, as a spread-out attacker makes them.
    for (let i = 1; i <= 6; i++) expectProblem(await login('limited_user', 'wrong password', `10.1.0.${i}`), 401);
    const started = Date.now();
    const owner = await login('LIMITED_USER', PASSWORD, '10.1.1.1');
    expect(owner.statusCode, owner.body).toBe(200);
    // ... slowed down while the guessing goes on, which is what costs the attacker.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);

    await register('unlimited_user');
    expect((await login('unlimited_user', PASSWORD, '10.1.0.20')).statusCode).toBe(200);
  });

  it('an address that keeps failing on one account is refused, and the owner elsewhere is not', async () => {
    await register('guessed_user');
    for (let i = 1; i <= 3; i++) expectProblem(await login('guessed_user', 'wrong password', '10.3.0.1'), 401);
    expectTooMany(await login('guessed_user', PASSWORD, '10.3.0.1'));
    expect((await login('guessed_user', PASSWORD, '10.3.0.2')).statusCode).toBe(200);
  });

  it('limits sign-ups per client address', async () => {
    const signUpFrom = (username: string, remoteAddress: string) =>
      s.request({
        method: 'POST',
        url: '/api/v1/users',
        json: { username, email: `${username}@example.com`, password: PASSWORD },
        remoteAddress,
      });
    for (let i = 1; i <= 2; i++) expect((await signUpFrom(`signup_${i}`, '10.4.0.1')).statusCode).toBe(201);
    expectTooMany(await signUpFrom('signup_3', '10.4.0.1'));
    expect((await s.request({ url: '/api/v1/users/lookup?username=signup_3' })).statusCode).toBe(404);
    expect((await signUpFrom('signup_4', '10.4.0.2')).statusCode).toBe(201);
  });

  it('limits attempts per client address, whatever the username', async () => {
    await register('address_user');
    for (const name of ['addr_a', 'addr_b', 'addr_c'])
      expectProblem(await login(name, 'wrong password', '10.2.0.1'), 401);
    expectTooMany(await login('address_user', PASSWORD, '10.2.0.1'));

    const elsewhere = await login('address_user', PASSWORD, '10.2.0.2');
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
    expect(elsewhere.json().token_type).toBe('Bearer');
  });
});

inEachStorageMode('secrets stay out of the logs', (mode) => {
  let s: Starling;
  const lines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    s = await startStarling(mode, { LOG_LEVEL: 'trace' }, { logger: createLogger({ LOG_LEVEL: 'trace' }, sink) });
  });
  afterAll(async () => s?.close());

  it('logs requests without passwords, tokens or hashes', async () => {
    const first = 'first secret passphrase';
    const second = 'second secret passphrase';
    const created = await s.request({
      method: 'POST',
      url: '/api/v1/users',
      json: { username: 'logged_user', email: 'logged_user@example.com', password: first },
    });
    expect(created.statusCode).toBe(201);
    const loggedIn = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      json: { username: 'logged_user', password: first },
    });
    expect(loggedIn.statusCode).toBe(200);
    const token = loggedIn.json().access_token as string;
    const csrf = cookiesOf(loggedIn).starling_csrf!.value;
    const changed = await s.request({
      method: 'PUT',
      url: `/api/v1/users/${created.json().id}`,
      token,
      json: { password: second, current_password: first },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const wrong = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      json: { username: 'logged_user', password: first },
    });
    expect(wrong.statusCode).toBe(401);
    const cookieWrite = await s.request({
      method: 'PUT',
      url: `/api/v1/users/${created.json().id}`,
      cookies: { starling_session: token, starling_csrf: csrf },
      headers: { 'x-csrf-token': csrf },
      json: { name: 'Logged' },
    });
    expect(cookieWrite.statusCode).toBe(200);
    const out = await s.request({ method: 'POST', url: '/api/v1/auth/logout', token });
    expect(out.statusCode).toBe(204);

    // The requests were logged (so the check below looks at something) ...
    const requestLines = lines.filter((l) => l.includes('/api/v1/auth/login'));
    expect(requestLines.length).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes(`/api/v1/users/${created.json().id}`))).toBe(true);
    // ... and none of them carries a secret.
    for (const line of lines) {
      expect(line).not.toContain(first);
      expect(line).not.toContain(second);
      expect(line).not.toContain(token);
      expect(line).not.toContain(token.split('.')[2]!);
      expect(line).not.toContain(csrf);
      expect(line).not.toContain('scrypt$');
    }
  });
});
