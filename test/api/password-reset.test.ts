import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { freshSealKey, identityEvents, latestToken, mailRequests, tokenOf } from '../support/mail-requests.js';
import { inEachStorageMode, PASSWORD, useStarling, type Starling } from '../support/starling.js';

const NEW_PASSWORD = 'a brand new secret';

inEachStorageMode('password reset', (mode) => {
  const s = useStarling(mode, { MAIL_SEAL_KEY: freshSealKey() });

  const ask = (email: string, remoteAddress = '127.0.0.1') =>
    s.request({ method: 'POST', url: '/api/v1/auth/password_reset', json: { email }, remoteAddress });
  const reset = (token: string, password = NEW_PASSWORD) =>
    s.request({ method: 'POST', url: '/api/v1/auth/password_reset/confirm', json: { token, password } });
  const login = (username: string, password: string) =>
    s.request({ method: 'POST', url: '/api/v1/auth/login', json: { username, password } });
  const me = (token: string) => s.request({ url: '/api/v1/auth/me', token });

  it('mails a single-use link; following it sets the password and ends every session', async () => {
    const ada = await signUpNamed(s, 'pr_ada', 'Ada Lovelace');
    const other = (await login('pr_ada', PASSWORD)).json().access_token as string;

    const asked = await ask('PR_Ada@Example.com');
    expect(asked.statusCode).toBe(202);
    expect(asked.body).toBe('');
    const [mail, ...more] = await mailRequests(s, 'password-reset', ada.id);
    expect(more).toEqual([]);
    expect(mail).toEqual({
      mail_id: expect.any(String),
      template: 'password-reset',
      to_user_id: ada.id,
      data: { username: 'pr_ada', name: 'Ada Lovelace', expires_in_minutes: '60' },
      sealed: expect.any(String),
    });
    const token = tokenOf(s, mail!);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const done = await reset(token);
    expect(done.statusCode, done.body).toBe(204);
    expect(done.body).toBe('');
    // Every session ends, the one that asked too: whoever knew the old password is out.
    expect((await me(ada.token)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(401);
    expectProblem(await login('pr_ada', PASSWORD), 401);
    expect((await login('pr_ada', NEW_PASSWORD)).statusCode).toBe(200);

    expectProblem(await reset(token, 'yet another secret'), 400, ['token']);
    expectProblem(await login('pr_ada', 'yet another secret'), 401);
  });

  it('a used link kills the earlier ones still outstanding', async () => {
    const bo = await s.signUp('pr_bo');
    expect((await ask('pr_bo@example.com')).statusCode).toBe(202);
    expect((await ask('pr_bo@example.com')).statusCode).toBe(202);
    const [first, second] = (await mailRequests(s, 'password-reset', bo.id)).map((m) => tokenOf(s, m));
    expect(first).not.toBe(second);
    expect((await reset(second!)).statusCode).toBe(204);
    expectProblem(await reset(first!, 'yet another secret'), 400, ['token']);
    expect((await login('pr_bo', NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('a password change through the profile kills outstanding links too', async () => {
    const cy = await s.signUp('pr_cy');
    expect((await ask('pr_cy@example.com')).statusCode).toBe(202);
    const token = await latestToken(s, 'password-reset', cy.id);
    const changed = await s.request({
      method: 'PUT',
      url: `/api/v1/users/${cy.id}`,
      token: cy.token,
      json: { password: 'changed the usual way', current_password: PASSWORD },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expectProblem(await reset(token), 400, ['token']);
    expect((await login('pr_cy', 'changed the usual way')).statusCode).toBe(200);
  });

  it('a change of email address kills the links mailed to the old one', async () => {
    const ed = await s.signUp('pr_ed');
    expect((await ask('pr_ed@example.com')).statusCode).toBe(202);
    const token = await latestToken(s, 'password-reset', ed.id);
    const moved = await s.request({
      method: 'PUT',
      url: `/api/v1/users/${ed.id}`,
      token: ed.token,
      json: { email: 'pr_ed_new@example.com' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expectProblem(await reset(token), 400, ['token']);
    expect((await login('pr_ed', PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a password that breaks the sign-up rules, and the link still works after', async () => {
    const di = await s.signUp('pr_di');
    expect((await ask('pr_di@example.com')).statusCode).toBe(202);
    const token = await latestToken(s, 'password-reset', di.id);
    expectProblem(await reset(token, 'short'), 400, ['password']);
    expectProblem(await reset(token, 'x'.repeat(1025)), 400, ['password']);
    expect((await me(di.token)).statusCode).toBe(200);
    expect((await login('pr_di', PASSWORD)).statusCode).toBe(200);
    expect((await reset(token)).statusCode).toBe(204);
  });

  it('refuses an unknown or malformed token, naming `token`', async () => {
    expectProblem(await reset('A'.repeat(43)), 400, ['token']);
    expectProblem(await reset(''), 400, ['token']);
    expectProblem(
      await s.request({
        method: 'POST',
        url: '/api/v1/auth/password_reset/confirm',
        json: { password: NEW_PASSWORD },
      }),
      400,
      ['token'],
    );
    expectProblem(await ask('not an address'), 400, ['email']);
  });

  it('answers the same for an address no account has, and mails nothing', async () => {
    await s.signUp('pr_eve');
    const before = (await mailRequests(s)).length;
    const unknown = await ask('nobody-here@example.com');
    const known = await ask('pr_eve@example.com');
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    const shape = (res: typeof known) =>
      Object.keys(res.headers)
        .filter((h) => !['date', 'x-request-id'].includes(h))
        .sort();
    expect(shape(unknown)).toEqual(shape(known));
    const after = await mailRequests(s);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.data.username).toBe('pr_eve');
  });

  it('mails one account a few links per window, answering every request alike', async () => {
    const fay = await s.signUp('pr_fay');
    for (let i = 0; i < 5; i++) expect((await ask('pr_fay@example.com', '10.1.0.1')).statusCode).toBe(202);
    expect(await mailRequests(s, 'password-reset', fay.id)).toHaveLength(3);
  });

  it('limits the requests from one client address, whatever addresses they name (429)', async () => {
    for (let i = 0; i < 10; i++) expect((await ask(`someone${i}@example.com`, '10.2.0.1')).statusCode).toBe(202);
    const refused = expectProblem(await ask('someone@example.com', '10.2.0.1'), 429);
    expect(refused.detail).toMatch(/try later/i);
    expect((await ask('someone@example.com', '10.2.0.2')).statusCode).toBe(202);
  });

  it('keeps every token out of the log, the responses and its own tables: only a hash is stored', async () => {
    const gus = await s.signUp('pr_gus');
    const responses: string[] = [];
    responses.push((await ask('pr_gus@example.com')).body);
    const token = await latestToken(s, 'password-reset', gus.id);
    const db = s.platform.contexts.find((c) => c.name === 'identity')!.db;
    const { rows: stored } = await sql`select * from mailed_tokens`.execute(db);
    const hash = createHash('sha256').update(token).digest('base64url');
    expect(JSON.stringify(stored)).toContain(hash);
    expect(JSON.stringify(stored)).not.toContain(token);
    responses.push((await reset(token)).body, (await reset(token)).body);

    const tokens = await Promise.all((await mailRequests(s)).map((m) => tokenOf(s, m)));
    expect(tokens.length).toBeGreaterThan(5);
    const log = JSON.stringify(await identityEvents(s));
    for (const t of tokens) {
      expect(log).not.toContain(t);
      for (const body of responses) expect(body).not.toContain(t);
    }
    expect(log).not.toContain(hash);
    for (const body of responses) expect(body).not.toContain(NEW_PASSWORD);
  });
});

inEachStorageMode('password reset links that expire', (mode) => {
  const s = useStarling(mode, { MAIL_SEAL_KEY: freshSealKey(), PASSWORD_RESET_TTL: '1' });

  it('refuses a link used after PASSWORD_RESET_TTL, naming `token`', async () => {
    const hal = await s.signUp('pr_hal');
    const asked = await s.request({
      method: 'POST',
      url: '/api/v1/auth/password_reset',
      json: { email: 'pr_hal@example.com' },
    });
    expect(asked.statusCode).toBe(202);
    const [mail] = await mailRequests(s, 'password-reset', hal.id);
    expect(mail!.data.expires_in_minutes).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const late = await s.request({
      method: 'POST',
      url: '/api/v1/auth/password_reset/confirm',
      json: { token: tokenOf(s, mail!), password: NEW_PASSWORD },
    });
    expectProblem(late, 400, ['token']);
    expect((await s.request({ url: '/api/v1/auth/me', token: hal.token })).statusCode).toBe(200);
  });
});

/** Signs up with a display name, then logs in. */
async function signUpNamed(s: Starling, username: string, name: string) {
  const created = await s.request({
    method: 'POST',
    url: '/api/v1/users',
    json: { username, name, email: `${username}@example.com`, password: PASSWORD },
  });
  expect(created.statusCode, created.body).toBe(201);
  const login = await s.request({ method: 'POST', url: '/api/v1/auth/login', json: { username, password: PASSWORD } });
  return { id: created.json().id as string, token: login.json().access_token as string };
}
