import type { User } from '@starling/sdk';
import { expect, it } from 'vitest';
import { expectNoSecrets, expectProblem } from '../support/assertions.js';
import { PASSWORD, inEachStorageMode, useStarling } from '../support/starling.js';

inEachStorageMode('users API v1', (mode) => {
  const s = useStarling(mode);

  const create = (json: Record<string, unknown>) => s.request({ method: 'POST', url: '/api/v1/users', json });
  const newUser = (username: string, extra: Record<string, unknown> = {}) =>
    create({ username, email: `${username}@example.com`, password: PASSWORD, ...extra });

  it('GET /api/v1/info lists the API releases', async () => {
    const res = await s.request({ url: '/api/v1/info' });
    expect(res.statusCode).toBe(200);
    const { api_version } = res.json() as { api_version: Array<Record<string, string>> };
    expect(api_version.length).toBeGreaterThan(0);
    for (const release of api_version) {
      expect(Object.keys(release).sort()).toEqual(['buildtime', 'links', 'methods', 'version']);
      for (const value of Object.values(release)) expect(value).toEqual(expect.any(String));
    }
    expect(api_version.map((r) => r.links)).toEqual(expect.arrayContaining(['/api/v1/users', '/api/v2/tweets']));
  });

  it('signs up: 201 with Location, ETag and the user, email shown to its owner', async () => {
    const res = await newUser('signup_ok', { name: 'Sign Up' });
    expect(res.statusCode).toBe(201);
    const user = res.json() as User;
    expect(user).toEqual({
      id: expect.any(String),
      username: 'signup_ok',
      name: 'Sign Up',
      email: 'signup_ok@example.com',
      email_verified: false,
      created_at: expect.any(String),
      followers_count: 0,
      following_count: 0,
      tweets_count: 0,
    });
    expect(new Date(user.created_at).toISOString()).toBe(user.created_at);
    expect(Math.abs(Date.parse(user.created_at) - Date.now())).toBeLessThan(10 * 60_000);
    expect(res.headers.location).toBe(`/api/v1/users/${user.id}`);
    expect(res.headers.etag).toMatch(/^(W\/)?"[^"]+"$/);
    expectNoSecrets(res.body, PASSWORD);

    const fetched = await s.request({ url: res.headers.location as string });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toMatchObject({ id: user.id, username: 'signup_ok', name: 'Sign Up' });
  });

  it('defaults the name to the username', async () => {
    const res = await newUser('no_name');
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('no_name');
  });

  it('accepts usernames of 3 and of 30 characters', async () => {
    for (const username of ['a_3', 'A'.repeat(29) + '9']) {
      const res = await newUser(username);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().username).toBe(username);
    }
  });

  it('rejects invalid usernames with 400 naming username', async () => {
    for (const username of ['ab', 'x'.repeat(31), 'bad-name', 'has space', 'émile', '']) {
      expectProblem(await newUser(username, { email: 'someone@example.com' }), 400, ['username']);
    }
  });

  it('rejects a username taken case-insensitively with 409', async () => {
    expect((await newUser('caseuser')).statusCode).toBe(201);
    const clash = await create({ username: 'CASEUSER', email: 'other_case@example.com', password: PASSWORD });
    expectProblem(clash, 409);
    // The original account is untouched and the clash created nothing.
    const list = await s.request({ url: '/api/v1/users?limit=100' });
    const names = (list.json().user_list as User[]).map((u) => u.username.toLowerCase());
    expect(names.filter((n) => n === 'caseuser')).toHaveLength(1);
  });

  it('rejects an email in use case-insensitively with 409', async () => {
    expect((await newUser('email_owner')).statusCode).toBe(201);
    const clash = await create({ username: 'email_thief', email: 'EMAIL_OWNER@Example.COM', password: PASSWORD });
    expectProblem(clash, 409);
    // The username of the failed sign-up is still free.
    expect((await newUser('email_thief')).statusCode).toBe(201);
  });

  it('rejects invalid emails and short passwords with 400 naming the field', async () => {
    for (const email of ['not-an-email', 'a@', '@example.com', '']) {
      expectProblem(await create({ username: 'bad_email', email, password: PASSWORD }), 400, ['email']);
    }
    const short = await create({ username: 'short_pw', email: 'short_pw@example.com', password: '1234567' });
    expectProblem(short, 400, ['password']);
    expect((await newUser('short_pw')).statusCode).toBe(201);
  });

  it('names every missing field, and rejects unknown fields', async () => {
    const empty = expectProblem(await create({}), 400, ['username', 'email', 'password']);
    expect(empty.errors!.map((e) => e.field)).not.toContain('name');
    expectProblem(await create({ username: 'only_name' }), 400, ['email', 'password']);
    expectProblem(await newUser('with_role', { role: 'admin' }), 400, ['role']);
    const after = await s.request({ url: '/api/v1/users?limit=100' });
    expect((after.json().user_list as User[]).map((u) => u.username)).not.toContain('with_role');
  });

  it('rejects values of the wrong JSON type instead of converting them', async () => {
    expectProblem(await newUser('wrong_type', { name: 42 }), 400, ['name']);
    expectProblem(await newUser('wrong_list', { name: ['A Name'] }), 400, ['name']);
    expectProblem(await create({ username: 12345, email: 'n@example.com', password: PASSWORD }), 400, ['username']);
    expectProblem(await create({ username: 'num_pw', email: 'num_pw@example.com', password: 12345678 }), 400, [
      'password',
    ]);
    const after = await s.request({ url: '/api/v1/users?limit=100' });
    const names = (after.json().user_list as User[]).map((u) => u.username);
    for (const name of ['wrong_type', 'wrong_list', '12345', 'num_pw']) expect(names).not.toContain(name);
  });

  it('gives unique opaque ids that sort in creation order', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await newUser(`seq_${i}`);
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).not.toMatch(/seq_/);
  });

  it('GET /api/v1/users/{id}: 404 problem for an unknown id', async () => {
    const res = await s.request({ url: '/api/v1/users/01ZZZZZZZZZZZZZZZZZZZZZZZZ' });
    expectProblem(res, 404);
  });

  it('shows the email only to the owner, not to others or anonymous', async () => {
    const owner = await s.signUp('private_mail');
    const other = await s.signUp('nosy_one');
    const url = `/api/v1/users/${owner.id}`;

    const anonymous = await s.request({ url });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).not.toHaveProperty('email');
    const byOther = await s.request({ url, token: other.token });
    expect(byOther.json()).not.toHaveProperty('email');
    expect(byOther.json().username).toBe('private_mail');
    const byOwner = await s.request({ url, token: owner.token });
    expect(byOwner.json().email).toBe('private_mail@example.com');

    const list = await s.request({ url: '/api/v1/users?limit=100', token: other.token });
    const users = list.json().user_list as User[];
    expect(users.find((u) => u.id === owner.id)).not.toHaveProperty('email');
    expect(users.find((u) => u.id === other.id)?.email).toBe('nosy_one@example.com');
    expectNoSecrets(list.body, PASSWORD);
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const user = await s.signUp('etag_user');
    const first = await s.request({ url: `/api/v1/users/${user.id}` });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/);

    const cached = await s.request({ url: `/api/v1/users/${user.id}`, headers: { 'if-none-match': etag } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    expect(cached.headers.etag).toBe(etag);
    const other = await s.request({ url: `/api/v1/users/${user.id}`, headers: { 'if-none-match': '"999999"' } });
    expect(other.statusCode).toBe(200);

    const put = await s.request({
      method: 'PUT',
      url: `/api/v1/users/${user.id}`,
      token: user.token,
      json: { name: 'Renamed' },
    });
    expect(put.statusCode).toBe(200);
    const stale = await s.request({ url: `/api/v1/users/${user.id}`, headers: { 'if-none-match': etag } });
    expect(stale.statusCode).toBe(200);
    expect(stale.json().name).toBe('Renamed');
    expect(stale.headers.etag).toBeDefined();
    expect(stale.headers.etag).not.toBe(etag);
    expect(stale.headers.etag).toBe(put.headers.etag);
  });
});
