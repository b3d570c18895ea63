import type { User } from '@starling/sdk';
import { grantAdmin } from '@starling/identity';
import { readAfter, START, type Db } from '@starling/kit';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { actionsOf } from '../support/actions.js';
import { PASSWORD, inEachStorageMode, useStarling } from '../support/starling.js';

type Counts = Pick<User, 'followers_count' | 'following_count' | 'tweets_count'>;

inEachStorageMode('user counts, relationships and bios', (mode) => {
  const s = useStarling(mode);

  const get = (id: string, token?: string, headers: Record<string, string> = {}) =>
    s.request({ url: `/api/v1/users/${id}`, headers, ...(token ? { token } : {}) });
  const user = async (id: string, token?: string) => {
    const res = await get(id, token);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as User;
  };
  const counts = async (id: string): Promise<Counts> => {
    const { followers_count, following_count, tweets_count } = await user(id);
    return { followers_count, following_count, tweets_count };
  };
  const { followOk: follow, postOk } = actionsOf(s);
  const tweet = async (token: string, body: string) => (await postOk(token, body)).id;
  const put = (id: string, token: string, json: unknown, headers: Record<string, string> = {}) =>
    s.request({ method: 'PUT', url: `/api/v1/users/${id}`, token, json, headers });
  const dbOf = (service: string) => s.platform.contexts.find((c) => c.name === service)!.db;
  const graphEvents = async (type: string) =>
    (await readAfter(dbOf('graph'), 'graph', START, 100_000)).filter((e) => e.type === type);

  it('counts follows and unfollows, each once however often repeated', async () => {
    const ada = await s.signUp('uc_ada');
    const bob = await s.signUp('uc_bob');
    const cy = await s.signUp('uc_cy');
    expect(await counts(bob.id)).toEqual({ followers_count: 0, following_count: 0, tweets_count: 0 });

    await follow(ada.token, bob.id);
    await follow(ada.token, bob.id);
    await follow(cy.token, bob.id);
    await follow(bob.token, ada.id);
    expect(await counts(bob.id)).toEqual({ followers_count: 2, following_count: 1, tweets_count: 0 });
    expect(await counts(ada.id)).toEqual({ followers_count: 1, following_count: 1, tweets_count: 0 });
    expect(await counts(cy.id)).toEqual({ followers_count: 0, following_count: 1, tweets_count: 0 });

    await follow(ada.token, bob.id, 'DELETE');
    await follow(ada.token, bob.id, 'DELETE');
    await follow(cy.token, ada.id, 'DELETE'); // never followed: nothing to take back
    expect(await counts(bob.id)).toEqual({ followers_count: 1, following_count: 1, tweets_count: 0 });
    expect(await counts(ada.id)).toEqual({ followers_count: 1, following_count: 0, tweets_count: 0 });
    expect(await counts(cy.id)).toEqual({ followers_count: 0, following_count: 1, tweets_count: 0 });
  });

  it('counts live tweets: posting adds one, deleting takes it back', async () => {
    const dee = await s.signUp('uc_dee');
    const first = await tweet(dee.token, 'one');
    await tweet(dee.token, 'two');
    await tweet(dee.token, 'three');
    expect((await counts(dee.id)).tweets_count).toBe(3);
    const del = await s.request({ method: 'DELETE', url: `/api/v2/tweets/${first}`, token: dee.token });
    expect(del.statusCode, del.body).toBe(204);
    expect((await counts(dee.id)).tweets_count).toBe(2);
  });

  it("an account's deletion ends its follows both ways: the people it followed lose a follower", async () => {
    const eve = await s.signUp('uc_eve');
    const fay = await s.signUp('uc_fay');
    const gil = await s.signUp('uc_gil');
    await follow(eve.token, fay.id);
    await follow(eve.token, gil.id);
    await follow(gil.token, eve.id);
    await follow(fay.token, gil.id);
    await follow(eve.token, gil.id, 'DELETE');
    await follow(eve.token, gil.id);
    await tweet(eve.token, 'eve was here');
    expect(await counts(eve.id)).toEqual({ followers_count: 1, following_count: 2, tweets_count: 1 });
    expect(await counts(gil.id)).toEqual({ followers_count: 2, following_count: 1, tweets_count: 0 });

    const res = await s.request({ method: 'DELETE', url: `/api/v1/users/${eve.id}`, token: eve.token });
    expect(res.statusCode, res.body).toBe(204);
    // Graph ends the follows in reaction, and identity counts that: a chain of two
    // services, eventually consistent on the distributed bus (in one process, done already).
    await s.platform.bus.drain();
    expectProblem(await get(eve.id), 404);
    expect(await counts(fay.id)).toEqual({ followers_count: 0, following_count: 1, tweets_count: 0 });
    expect(await counts(gil.id)).toEqual({ followers_count: 1, following_count: 0, tweets_count: 0 });
    // The graph service ended each standing follow once, in the log, as caused by the deletion.
    const ended = (await graphEvents('UserUnfollowed'))
      .filter((e) => e.metadata.causation_id !== undefined)
      .map((e) => e.data as { follower_id: string; followee_id: string })
      .filter((d) => d.follower_id === eve.id || d.followee_id === eve.id);
    expect(ended).toHaveLength(3);
    expect(ended).toEqual(
      expect.arrayContaining([
        { follower_id: eve.id, followee_id: fay.id },
        { follower_id: eve.id, followee_id: gil.id },
        { follower_id: gil.id, followee_id: eve.id },
      ]),
    );
    // The graph's own lists agree.
    const followers = await s.request({ url: `/api/v1/users/${gil.id}/followers` });
    expect(followers.json().user_list.map((u: { id: string }) => u.id)).toEqual([fay.id]);
  });

  it('the graph reactor appends UserUnfollowed once, even when UserDeleted is delivered twice', async () => {
    const hal = await s.signUp('uc_hal');
    const ivy = await s.signUp('uc_ivy');
    await follow(hal.token, ivy.id);
    await follow(ivy.token, hal.id);
    expect((await s.request({ method: 'DELETE', url: `/api/v1/users/${hal.id}`, token: hal.token })).statusCode).toBe(
      204,
    );
    await s.platform.bus.drain(); // the reaction's own consequences, as above
    const reactor = s.platform.subscriptions.find((sub) => sub.consumer.name === 'graph.account-deletions')!;
    expect(reactor.consumer.source).toBe('identity');
    const deletion = (await readAfter(dbOf('identity'), 'identity', START, 100_000)).find(
      (e) => e.type === 'UserDeleted' && (e.data as { user_id: string }).user_id === hal.id,
    )!;
    const count = async (db: Db) =>
      (await sql<{ n: number }>`select count(*)::int as n from events`.execute(db)).rows[0]!.n;
    const before = await count(reactor.db);
    // Delivered again, and committed: it finds nothing left to end.
    await reactor.db.transaction().execute((trx) => reactor.consumer.handle(deletion, trx));
    await reactor.db.transaction().execute((trx) => reactor.consumer.handle(deletion, trx));
    expect(await count(reactor.db)).toBe(before);
    const halsUnfollows = (await graphEvents('UserUnfollowed')).filter(
      (e) =>
        (e.data as { follower_id: string }).follower_id === hal.id ||
        (e.data as { followee_id: string }).followee_id === hal.id,
    );
    expect(halsUnfollows).toHaveLength(2);
    expect(await counts(ivy.id)).toEqual({ followers_count: 0, following_count: 0, tweets_count: 0 });
    // A deleted account can no longer be followed.
    expectProblem(await s.request({ method: 'POST', url: `/api/v1/users/${hal.id}/follow`, token: ivy.token }), 404);
  });

  it('shows following and followed_by to an authenticated caller looking at someone else only', async () => {
    const jo = await s.signUp('uc_jo');
    const kim = await s.signUp('uc_kim');
    const lu = await s.signUp('uc_lu');
    await follow(jo.token, kim.id);
    await follow(lu.token, jo.id);

    expect(await user(kim.id, jo.token)).toMatchObject({ following: true, followed_by: false });
    expect(await user(jo.id, kim.token)).toMatchObject({ following: false, followed_by: true });
    expect(await user(jo.id, lu.token)).toMatchObject({ following: true, followed_by: false });
    expect(await user(lu.id, jo.token)).toMatchObject({ following: false, followed_by: true });
    expect(await user(lu.id, kim.token)).toMatchObject({ following: false, followed_by: false });
    await follow(kim.token, jo.id);
    expect(await user(kim.id, jo.token)).toMatchObject({ following: true, followed_by: true });

    const absent = (u: User) => {
      expect(u).not.toHaveProperty('following');
      expect(u).not.toHaveProperty('followed_by');
    };
    absent(await user(kim.id));
    absent(await user(jo.id, jo.token));
    const me = await s.request({ url: '/api/v1/auth/me', token: jo.token });
    absent(me.json());
    expect(me.json()).toMatchObject({ followers_count: 2, following_count: 1 });
    const own = await put(jo.id, jo.token, { name: 'Jo' });
    expect(own.statusCode, own.body).toBe(200);
    absent(own.json());
    expect(own.json()).toMatchObject({ followers_count: 2, following_count: 1, tweets_count: 0 });

    // Lookup and the list carry the same, in one page.
    const looked = await s.request({ url: '/api/v1/users/lookup?username=UC_KIM', token: jo.token });
    expect(looked.json()).toMatchObject({ id: kim.id, following: true, followed_by: true, followers_count: 1 });
    absent((await s.request({ url: '/api/v1/users/lookup?username=uc_kim' })).json());
    const list = (await s.request({ url: '/api/v1/users?limit=100', token: jo.token })).json().user_list as User[];
    const byName = Object.fromEntries(list.map((u) => [u.username, u]));
    expect(byName.uc_kim).toMatchObject({ following: true, followed_by: true, followers_count: 1 });
    expect(byName.uc_lu).toMatchObject({ following: false, followed_by: true, following_count: 1 });
    absent(byName.uc_jo!);
    for (const u of (await s.request({ url: '/api/v1/users?limit=100' })).json().user_list as User[]) absent(u);

    // An admin changing someone else's account sees the relationship in the answer.
    await grantAdmin(s.platform.contexts.find((c) => c.name === 'identity')!.write, dbOf('identity'), 'uc_lu');
    const admin = (
      await s.request({ method: 'POST', url: '/api/v1/auth/login', json: { username: 'uc_lu', password: PASSWORD } })
    ).json().access_token as string;
    const changed = await put(jo.id, admin, { name: 'Jo Again' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Jo Again', following: true, followed_by: false });
  });

  it('takes a bio at sign-up and by PUT, up to 160 characters', async () => {
    const created = await s.request({
      method: 'POST',
      url: '/api/v1/users',
      json: { username: 'uc_bio', email: 'uc_bio@example.com', password: PASSWORD, bio: '  Writes about birds.  ' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json().bio).toBe('Writes about birds.');
    expect((await user(id)).bio).toBe('Writes about birds.');
    const login = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      json: { username: 'uc_bio', password: PASSWORD },
    });
    const token = login.json().access_token as string;

    // 160 characters, counted as code points: an emoji is one.
    const longest = '🐦'.repeat(160);
    const updated = await put(id, token, { bio: longest });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().bio).toBe(longest);
    expect((await user(id)).bio).toBe(longest);
    expectProblem(await put(id, token, { bio: 'x'.repeat(161) }), 400, ['bio']);
    expectProblem(await put(id, token, { bio: 42 }), 400, ['bio']);
    expectProblem(
      await s.request({
        method: 'POST',
        url: '/api/v1/users',
        json: { username: 'uc_bio_long', email: 'uc_bio_long@example.com', password: PASSWORD, bio: 'y'.repeat(161) },
      }),
      400,
      ['bio'],
    );
    expect((await user(id)).bio).toBe(longest);

    // An empty bio removes it; a bio-only change is a change (a new ETag).
    const before = await get(id);
    const cleared = await put(id, token, { bio: '' });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).not.toHaveProperty('bio');
    expect(cleared.headers.etag).not.toBe(before.headers.etag);
    expect(await user(id)).not.toHaveProperty('bio');
    const noBio = await s.signUp('uc_no_bio');
    expect(await user(noBio.id)).not.toHaveProperty('bio');
  });

  it('never answers 304 over a changed count or relationship; If-Match still takes the GET ETag', async () => {
    const mo = await s.signUp('uc_mo');
    const ned = await s.signUp('uc_ned');
    const first = await get(mo.id, ned.token);
    const e1 = first.headers.etag as string;
    expect(e1).toMatch(/^"[^"]+"$/);
    expect((await get(mo.id, ned.token, { 'if-none-match': e1 })).statusCode).toBe(304);

    // ned follows mo: mo's count and ned's relationship to mo change, mo's stream does not.
    await follow(ned.token, mo.id);
    const second = await get(mo.id, ned.token, { 'if-none-match': e1 });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ followers_count: 1, following: true });
    const e2 = second.headers.etag as string;
    expect(e2).not.toBe(e1);
    expect((await get(mo.id, ned.token, { 'if-none-match': e2 })).statusCode).toBe(304);

    // A tweet moves tweets_count: the anonymous view's ETag changes too.
    const anon = (await get(mo.id)).headers.etag as string;
    await tweet(mo.token, 'counted');
    const afterTweet = await get(mo.id, undefined, { 'if-none-match': anon });
    expect(afterTweet.statusCode).toBe(200);
    expect(afterTweet.json().tweets_count).toBe(1);
    expect((await get(mo.id, undefined, { 'if-none-match': afterTweet.headers.etag as string })).statusCode).toBe(304);

    // The counts moved since e1 was read, the account did not: If-Match accepts it.
    const renamed = await put(mo.id, mo.token, { name: 'Mo' }, { 'if-match': e1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Mo', followers_count: 1, tweets_count: 1 });
    // Now the account changed: e1 and e2 are stale.
    expectProblem(await put(mo.id, mo.token, { name: 'Stale' }, { 'if-match': e2 }), 412);
    expectProblem(
      await s.request({
        method: 'DELETE',
        url: `/api/v1/users/${mo.id}`,
        token: mo.token,
        headers: { 'if-match': e1 },
      }),
      412,
    );
    expectProblem(await put(mo.id, mo.token, { name: 'Bogus' }, { 'if-match': '"not-ours"' }), 412);
    // Lookup's ETag (it never answers 304) names the version: If-Match takes it too.
    const looked = await s.request({ url: '/api/v1/users/lookup?username=uc_mo' });
    const again = await put(mo.id, mo.token, { name: 'Mo' }, { 'if-match': looked.headers.etag as string });
    expect(again.statusCode, again.body).toBe(200);
    // The PUT's ETag is what a GET of the same state answers, and If-Match takes it.
    const fresh = await get(mo.id, mo.token);
    expect(fresh.headers.etag).toBe(renamed.headers.etag);
    const del = await s.request({
      method: 'DELETE',
      url: `/api/v1/users/${mo.id}`,
      token: mo.token,
      headers: { 'if-match': renamed.headers.etag as string },
    });
    expect(del.statusCode, del.body).toBe(204);
  });
});
