import { grantAdmin } from '@starling/identity';
import { expect, it } from 'vitest';
import { expectNoSecrets, expectProblem } from '../support/assertions.js';
import { actionsOf } from '../support/actions.js';
import { PASSWORD, inEachStorageMode, useStarling } from '../support/starling.js';

inEachStorageMode('deleting users', (mode) => {
  const s = useStarling(mode);

  const del = (id: string, token?: string, headers: Record<string, string> = {}) =>
    s.request({ method: 'DELETE', url: `/api/v1/users/${id}`, headers, ...(token ? { token } : {}) });
  const delByName = (username: string, token?: string) =>
    s.request({ method: 'DELETE', url: '/api/v1/users', json: { username }, ...(token ? { token } : {}) });
  const get = (id: string, token?: string) => s.request({ url: `/api/v1/users/${id}`, ...(token ? { token } : {}) });
  const { login, postOk: tweet } = actionsOf(s);
  const tweetBodies = async () =>
    ((await s.request({ url: '/api/v2/tweets?limit=100' })).json().tweets_list as Array<{ body: string }>).map(
      (t) => t.body,
    );

  it('deletes an account with everything it had; the username is free again', async () => {
    const u = await s.signUp('leaver');
    const bystander = await s.signUp('stayer');
    const gone = await tweet(u.token, 'leaver was here');
    await tweet(bystander.token, 'stayer stays');
    expect(await tweetBodies()).toEqual(expect.arrayContaining(['leaver was here', 'stayer stays']));

    const res = await del(u.id, u.token);
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');

    expectProblem(await get(u.id), 404);
    expectProblem(await login('leaver'), 401);
    expectProblem(await s.request({ url: '/api/v1/auth/me', token: u.token }), 401);
    expectProblem(
      await s.request({ method: 'POST', url: '/api/v2/tweets', token: u.token, json: { body: 'ghost' } }),
      401,
    );
    const bodies = await tweetBodies();
    expect(bodies).not.toContain('leaver was here');
    expect(bodies).toContain('stayer stays');
    expectProblem(await s.request({ url: `/api/v2/tweets/${gone.id}` }), 404);
    const list = (await s.request({ url: '/api/v1/users?limit=100' })).json().user_list as Array<{ id: string }>;
    expect(list.map((x) => x.id)).not.toContain(u.id);

    const again = await s.request({
      method: 'POST',
      url: '/api/v1/users',
      json: { username: 'leaver', email: 'leaver@example.com', password: 'another password' },
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().id).not.toBe(u.id);
    expectProblem(await login('leaver'), 401);
    const relogin = await login('leaver', 'another password');
    expect(relogin.statusCode).toBe(200);
    const me = await s.request({ url: '/api/v1/auth/me', token: relogin.json().access_token });
    expect(me.json()).toMatchObject({ id: again.json().id, username: 'leaver' });
    // The old account's token does not come back to life with the name.
    expectProblem(await s.request({ url: '/api/v1/auth/me', token: u.token }), 401);
  });

  it('answers 401 without credentials and 403 for another user, deleting nothing', async () => {
    const victim = await s.signUp('del_victim');
    const other = await s.signUp('del_other');
    expectProblem(await del(victim.id), 401);
    expectProblem(await del(victim.id, other.token), 403);
    expectProblem(await delByName('del_victim'), 401);
    expectProblem(await delByName('del_victim', other.token), 403);
    expect((await get(victim.id)).statusCode).toBe(200);
    expect((await login('del_victim')).statusCode).toBe(200);
    expect((await s.request({ url: '/api/v1/auth/me', token: victim.token })).statusCode).toBe(200);
  });

  it('answers 412 to a stale If-Match and 204 to the current one', async () => {
    const u = await s.signUp('del_if_match');
    const v1 = (await get(u.id)).headers.etag as string;
    const renamed = await s.request({
      method: 'PUT',
      url: `/api/v1/users/${u.id}`,
      token: u.token,
      json: { name: 'Renamed' },
    });
    expect(renamed.statusCode).toBe(200);
    expectProblem(await del(u.id, u.token, { 'if-match': v1 }), 412);
    expect((await get(u.id)).json().name).toBe('Renamed');
    expect((await login('del_if_match')).statusCode).toBe(200);

    const res = await del(u.id, u.token, { 'if-match': renamed.headers.etag as string });
    expect(res.statusCode, res.body).toBe(204);
    expectProblem(await get(u.id), 404);
  });

  it("deletes by username with the book's DELETE /api/v1/users", async () => {
    const u = await s.signUp('book_leaver');
    await tweet(u.token, 'book leaver tweet');
    const res = await delByName('book_leaver', u.token);
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await get(u.id), 404);
    expectProblem(await login('book_leaver'), 401);
    expectProblem(await s.request({ url: '/api/v1/auth/me', token: u.token }), 401);
    expect(await tweetBodies()).not.toContain('book leaver tweet');
    expectProblem(await s.request({ method: 'DELETE', url: '/api/v1/users', json: {}, token: u.token }), 400, [
      'username',
    ]);
  });

  it('lets an admin see, change and delete other accounts', async () => {
    const root = await s.signUp('root');
    const target = await s.signUp('admin_target');
    const other = await s.signUp('admin_other');
    const identity = s.platform.contexts.find((c) => c.name === 'identity')!;
    await grantAdmin(identity.write, identity.db, 'root');
    // The role is in the token: the old one is still an ordinary user's.
    expectProblem(
      await s.request({ method: 'PUT', url: `/api/v1/users/${target.id}`, token: root.token, json: { name: 'No' } }),
      403,
    );
    const adminLogin = await login('root');
    expect(adminLogin.statusCode).toBe(200);
    const admin = adminLogin.json().access_token as string;

    expect((await get(target.id, admin)).json().email).toBe('admin_target@example.com');
    const put = await s.request({
      method: 'PUT',
      url: `/api/v1/users/${target.id}`,
      token: admin,
      json: { name: 'Moderated', password: 'reset by admin' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ id: target.id, name: 'Moderated', email: 'admin_target@example.com' });
    expectNoSecrets(put.body, 'reset by admin', PASSWORD);
    expect((await get(target.id)).json().name).toBe('Moderated');
    expect((await login('admin_target', 'reset by admin')).statusCode).toBe(200);

    expectProblem(
      await s.request({
        method: 'PUT',
        url: '/api/v1/users/01ZZZZZZZZZZZZZZZZZZZZZZZZ',
        token: admin,
        json: { name: 'x' },
      }),
      404,
    );
    expect((await del(target.id, admin)).statusCode).toBe(204);
    expectProblem(await get(target.id), 404);
    expectProblem(await s.request({ url: '/api/v1/auth/me', token: target.token }), 401);
    expect((await delByName('admin_other', admin)).statusCode).toBe(204);
    expectProblem(await get(other.id), 404);
    expectProblem(await delByName('admin_other', admin), 404);
    // The admin's own account is untouched.
    expect((await s.request({ url: '/api/v1/auth/me', token: admin })).json()).toMatchObject({
      id: root.id,
      username: 'root',
    });
  });
});
