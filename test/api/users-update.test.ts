import { expect, it } from 'vitest';
import { expectNoSecrets, expectProblem } from '../support/assertions.js';
import { actionsOf } from '../support/actions.js';
import { PASSWORD, inEachStorageMode, useStarling } from '../support/starling.js';

inEachStorageMode('PUT /api/v1/users/{id}', (mode) => {
  const s = useStarling(mode);

  const put = (id: string, json: unknown, token?: string, headers: Record<string, string> = {}) =>
    s.request({ method: 'PUT', url: `/api/v1/users/${id}`, json, headers, ...(token ? { token } : {}) });
  const get = (id: string, token?: string) => s.request({ url: `/api/v1/users/${id}`, ...(token ? { token } : {}) });
  const { login } = actionsOf(s);

  it('changes only the fields sent and answers the user with a new ETag', async () => {
    const u = await s.signUp('partial_put');
    const before = await get(u.id, u.token);
    const res = await put(u.id, { name: 'Partial Put' }, u.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...before.json(), name: 'Partial Put' });
    expect(res.headers.etag).toMatch(/^(W\/)?"[^"]+"$/);
    expect(res.headers.etag).not.toBe(before.headers.etag);
    expectNoSecrets(res.body, PASSWORD);

    const after = await get(u.id, u.token);
    expect(after.json()).toEqual(res.json());
    expect(after.headers.etag).toBe(res.headers.etag);
  });

  it('changes the email, freeing the old one', async () => {
    const u = await s.signUp('mover');
    const res = await put(u.id, { email: 'moved@example.org' }, u.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().email).toBe('moved@example.org');
    expect((await get(u.id, u.token)).json().email).toBe('moved@example.org');
    const me = await s.request({ url: '/api/v1/auth/me', token: u.token });
    expect(me.json().email).toBe('moved@example.org');

    const reuse = await s.request({
      method: 'POST',
      url: '/api/v1/users',
      json: { username: 'old_mail_reuser', email: 'mover@example.com', password: PASSWORD },
    });
    expect(reuse.statusCode, reuse.body).toBe(201);
  });

  it("answers 409 when taking another user's email, and changes nothing", async () => {
    await s.signUp('mail_holder');
    const u = await s.signUp('mail_taker');
    const res = await put(u.id, { name: 'Should Not Stick', email: 'MAIL_HOLDER@example.com' }, u.token);
    expectProblem(res, 409);
    const after = (await get(u.id, u.token)).json();
    expect(after.email).toBe('mail_taker@example.com');
    expect(after.name).toBe('mail_taker');
  });

  it('rejects invalid values, unknown fields and an empty change with 400', async () => {
    const u = await s.signUp('bad_put');
    expectProblem(await put(u.id, { email: 'nope' }, u.token), 400, ['email']);
    expectProblem(await put(u.id, { password: 'short', current_password: PASSWORD }, u.token), 400, ['password']);
    expectProblem(await put(u.id, { name: 'x'.repeat(101) }, u.token), 400, ['name']);
    expectProblem(await put(u.id, { name: 42 }, u.token), 400, ['name']);
    expectProblem(await put(u.id, { username: 'renamed' }, u.token), 400, ['username']);
    expectProblem(await put(u.id, { name: 'ok', role: 'admin' }, u.token), 400, ['role']);
    expectProblem(await put(u.id, {}, u.token), 400);
    const after = (await get(u.id, u.token)).json();
    expect(after).toMatchObject({ username: 'bad_put', name: 'bad_put', email: 'bad_put@example.com' });
  });

  it('requires the right current_password to change the password', async () => {
    const u = await s.signUp('pw_changer');
    const missing = await put(u.id, { password: 'brand new secret' }, u.token);
    expectProblem(missing, 400, ['current_password']);
    const wrong = await put(u.id, { password: 'brand new secret', current_password: 'not my password' }, u.token);
    expectProblem(wrong, 400, ['current_password']);
    expect((await login('pw_changer', 'brand new secret')).statusCode).toBe(401);
    expect((await login('pw_changer', PASSWORD)).statusCode).toBe(200);

    const ok = await put(u.id, { password: 'brand new secret', current_password: PASSWORD }, u.token);
    expect(ok.statusCode, ok.body).toBe(200);
    expectNoSecrets(ok.body, PASSWORD, 'brand new secret');
    expectProblem(await login('pw_changer', PASSWORD), 401);
    const fresh = await login('pw_changer', 'brand new secret');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().access_token).toEqual(expect.any(String));
  });

  it('keeps ETags usable across a password change', async () => {
    const u = await s.signUp('pw_etag');
    const changed = await put(u.id, { password: 'etag new password', current_password: PASSWORD }, u.token);
    expect(changed.statusCode, changed.body).toBe(200);
    const read = await get(u.id, u.token);
    expect(read.headers.etag).toBe(changed.headers.etag);
    const cached = await s.request({
      url: `/api/v1/users/${u.id}`,
      headers: { 'if-none-match': read.headers.etag as string },
    });
    expect(cached.statusCode).toBe(304);

    const renamed = await put(u.id, { name: 'After Password' }, u.token, { 'if-match': read.headers.etag as string });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().name).toBe('After Password');
    const del = await s.request({
      method: 'DELETE',
      url: `/api/v1/users/${u.id}`,
      token: u.token,
      headers: { 'if-match': renamed.headers.etag as string },
    });
    expect(del.statusCode, del.body).toBe(204);
  });

  it('answers 401 without credentials and with a bad token, changing nothing', async () => {
    const u = await s.signUp('anon_target');
    const anonymous = expectProblem(await put(u.id, { name: 'Anon Was Here' }), 401);
    expect(anonymous.status).toBe(401);
    expectProblem(await put(u.id, { name: 'Anon Was Here' }, 'not.a.token'), 401);
    const tampered = u.token.slice(0, -4) + (u.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expectProblem(await put(u.id, { name: 'Anon Was Here' }, tampered), 401);
    expect((await get(u.id)).json().name).toBe('anon_target');
  });

  it("answers 403 to another user's change, changing nothing", async () => {
    const victim = await s.signUp('put_victim');
    const other = await s.signUp('put_other');
    expectProblem(await put(victim.id, { name: 'Hijacked' }, other.token), 403);
    expectProblem(await put(victim.id, { password: 'hijacked pw', current_password: PASSWORD }, other.token), 403);
    expect((await get(victim.id, victim.token)).json()).toMatchObject({
      name: 'put_victim',
      email: 'put_victim@example.com',
    });
    expect((await login('put_victim', PASSWORD)).statusCode).toBe(200);
  });

  it('answers 412 to a stale If-Match and changes nothing; the current tag succeeds', async () => {
    const u = await s.signUp('if_match_put');
    const v1 = (await get(u.id)).headers.etag as string;
    const first = await put(u.id, { name: 'First' }, u.token, { 'if-match': v1 });
    expect(first.statusCode, first.body).toBe(200);
    const v2 = first.headers.etag as string;
    expect(v2).not.toBe(v1);

    const stale = await put(u.id, { name: 'Stale', email: 'stale@example.com' }, u.token, { 'if-match': v1 });
    expectProblem(stale, 412);
    const current = await get(u.id, u.token);
    expect(current.json()).toMatchObject({ name: 'First', email: 'if_match_put@example.com' });
    expect(current.headers.etag).toBe(v2);
    // The email of the rejected change was not claimed.
    const claim = await s.request({
      method: 'POST',
      url: '/api/v1/users',
      json: { username: 'stale_mail', email: 'stale@example.com', password: PASSWORD },
    });
    expect(claim.statusCode, claim.body).toBe(201);

    const pw = await put(u.id, { password: 'stale new password', current_password: PASSWORD }, u.token, {
      'if-match': v1,
    });
    expectProblem(pw, 412);
    expect((await login('if_match_put', PASSWORD)).statusCode).toBe(200);

    const second = await put(u.id, { name: 'Second' }, u.token, { 'if-match': v2 });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().name).toBe('Second');
    expect(second.headers.etag).not.toBe(v2);
    expect((await get(u.id)).headers.etag).toBe(second.headers.etag);
  });
});
