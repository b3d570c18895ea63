import type { FollowedUser } from '@starling/sdk';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { cookiesOf, expectProblem, nextLink } from '../support/assertions.js';
import { actionsOf } from '../support/actions.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';

inEachStorageMode('follows API v1', (mode) => {
  const s = useStarling(mode);

  const { follow, followOk } = actionsOf(s);
  const list = async (id: string, direction: 'followers' | 'following', query = '?limit=100') => {
    const res = await s.request({ url: `/api/v1/users/${id}/${direction}${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { user_list: FollowedUser[] }).user_list;
  };
  const usernames = async (id: string, direction: 'followers' | 'following') =>
    (await list(id, direction)).map((u) => u.username);
  const followEvents = async (followerId: string, followeeId: string) => {
    const db = s.platform.contexts.find((c) => c.name === 'graph')!.db;
    const { rows } = await sql<{ type: string }>`
      select type from events where stream_id = ${`follow-${followerId}-${followeeId}`}
      order by stream_version`.execute(db);
    return rows.map((r) => r.type);
  };

  it('follows: 200 with the relationship, both ways once followed back', async () => {
    const ada = await s.signUp('fo_ada');
    const bob = await s.signUp('fo_bob');
    expect(await followOk(ada.token, bob.id)).toEqual({ following: true, followed_by: false });
    expect(await followOk(bob.token, ada.id)).toEqual({ following: true, followed_by: true });
    expect(await followOk(ada.token, bob.id)).toEqual({ following: true, followed_by: true });

    const followers = await list(bob.id, 'followers');
    expect(followers).toEqual([{ id: ada.id, username: 'fo_ada', followed_at: expect.any(String) }]);
    expect(new Date(followers[0]!.followed_at).toISOString()).toBe(followers[0]!.followed_at);
    expect(await usernames(ada.id, 'following')).toEqual(['fo_bob']);
    expect(await usernames(ada.id, 'followers')).toEqual(['fo_bob']);
  });

  it('following again is idempotent: still 200, one follower, one UserFollowed', async () => {
    const cy = await s.signUp('fo_cy');
    const dee = await s.signUp('fo_dee');
    for (let i = 0; i < 3; i++)
      expect(await followOk(cy.token, dee.id)).toEqual({ following: true, followed_by: false });
    expect(await usernames(dee.id, 'followers')).toEqual(['fo_cy']);
    expect(await followEvents(cy.id, dee.id)).toEqual(['UserFollowed']);
  });

  it('unfollowing is idempotent, and works when not following at all', async () => {
    const eve = await s.signUp('fo_eve');
    const fay = await s.signUp('fo_fay');
    expect(await followOk(eve.token, fay.id, 'DELETE')).toEqual({ following: false, followed_by: false });
    expect(await followEvents(eve.id, fay.id)).toEqual([]);
    await followOk(eve.token, fay.id);
    await followOk(fay.token, eve.id);
    expect(await followOk(eve.token, fay.id, 'DELETE')).toEqual({ following: false, followed_by: true });
    expect(await followOk(eve.token, fay.id, 'DELETE')).toEqual({ following: false, followed_by: true });
    expect(await followEvents(eve.id, fay.id)).toEqual(['UserFollowed', 'UserUnfollowed']);
    expect(await usernames(fay.id, 'followers')).toEqual([]);
    expect(await usernames(eve.id, 'following')).toEqual([]);
    expect(await usernames(eve.id, 'followers')).toEqual(['fo_fay']);
    // Following again after unfollowing is a new follow.
    expect(await followOk(eve.token, fay.id)).toEqual({ following: true, followed_by: true });
    expect(await followEvents(eve.id, fay.id)).toEqual(['UserFollowed', 'UserUnfollowed', 'UserFollowed']);
  });

  it('refuses to follow yourself (400 naming id), an unknown user (404) and anonymous callers (401)', async () => {
    const gus = await s.signUp('fo_gus');
    for (const method of ['POST', 'DELETE'] as const) {
      expectProblem(await follow(gus.token, gus.id, method), 400, ['id']);
      expectProblem(await follow(gus.token, 'NOBODY', method), 404);
      expectProblem(await follow(undefined, gus.id, method), 401);
      expectProblem(await follow('not-a-token', gus.id, method), 401);
    }
    expect(await followEvents(gus.id, gus.id)).toEqual([]);
    expectProblem(await s.request({ url: '/api/v1/users/NOBODY/followers' }), 404);
    expectProblem(await s.request({ url: '/api/v1/users/NOBODY/following' }), 404);
    expectProblem(await s.request({ url: `/api/v1/users/${gus.id}/followers?cursor=bogus` }), 400, ['cursor']);
    expectProblem(await s.request({ url: `/api/v1/users/${gus.id}/following?limit=101` }), 400);
  });

  it('a cookie-authenticated follow needs the CSRF token', async () => {
    const hal = await s.signUp('fo_hal');
    const ida = await s.signUp('fo_ida');
    const login = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      json: { username: 'fo_hal', password: 'correct horse battery' },
    });
    const cookies = cookiesOf(login);
    const session = { starling_session: cookies.starling_session!.value };
    const url = `/api/v1/users/${ida.id}/follow`;
    expectProblem(await s.request({ method: 'POST', url, cookies: session }), 403);
    expect(await usernames(ida.id, 'followers')).toEqual([]);
    const ok = await s.request({
      method: 'POST',
      url,
      cookies: session,
      headers: { 'x-csrf-token': cookies.starling_csrf!.value },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await usernames(ida.id, 'followers')).toEqual([hal.username]);
  });

  it('lists newest follow first, paged with Link and without duplicates', async () => {
    const star = await s.signUp('fo_star');
    const fans = [];
    for (let i = 0; i < 5; i++) fans.push(await s.signUp(`fo_fan${i}`));
    for (const fan of fans) await followOk(fan.token, star.id);
    for (const fan of fans) await followOk(star.token, fan.id);

    for (const direction of ['followers', 'following'] as const) {
      const seen: FollowedUser[] = [];
      let url: string | undefined = `/api/v1/users/${star.id}/${direction}?limit=2`;
      let pages = 0;
      while (url) {
        const res = await s.request({ url });
        expect(res.statusCode, res.body).toBe(200);
        const page = (res.json() as { user_list: FollowedUser[] }).user_list;
        expect(page.length).toBeLessThanOrEqual(2);
        seen.push(...page);
        pages += 1;
        url = nextLink(res);
      }
      expect(pages).toBe(3);
      expect(seen.map((u) => u.username)).toEqual(fans.map((f) => f.username).reverse());
      expect(new Set(seen.map((u) => u.id)).size).toBe(5);
      const times = seen.map((u) => Date.parse(u.followed_at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    }
    const first = await s.request({ url: `/api/v1/users/${star.id}/followers` });
    expect(first.headers.link).toBeUndefined();
    expect((first.json() as { user_list: FollowedUser[] }).user_list).toHaveLength(5);
  });

  it('concurrent follows of one pair record one UserFollowed', async () => {
    const jo = await s.signUp('fo_jo');
    const kim = await s.signUp('fo_kim');
    const answers = await Promise.all(Array.from({ length: 5 }, () => follow(jo.token, kim.id)));
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ following: true, followed_by: false });
    }
    expect(await followEvents(jo.id, kim.id)).toEqual(['UserFollowed']);
    expect(await usernames(kim.id, 'followers')).toEqual(['fo_jo']);

    const unfollows = await Promise.all(Array.from({ length: 5 }, () => follow(jo.token, kim.id, 'DELETE')));
    for (const res of unfollows) expect(res.statusCode, res.body).toBe(200);
    expect(await followEvents(jo.id, kim.id)).toEqual(['UserFollowed', 'UserUnfollowed']);
  });

  it("deleting an account removes its follows from both directions' lists", async () => {
    const lee = await s.signUp('fo_lee');
    const max = await s.signUp('fo_max');
    const ned = await s.signUp('fo_ned');
    await followOk(lee.token, max.id);
    await followOk(max.token, lee.id);
    await followOk(lee.token, ned.id);
    await followOk(ned.token, max.id);
    expect(await usernames(max.id, 'followers')).toEqual(['fo_ned', 'fo_lee']);

    const deleted = await s.request({ method: 'DELETE', url: `/api/v1/users/${lee.id}`, token: lee.token });
    expect(deleted.statusCode, deleted.body).toBe(204);

    expect(await usernames(max.id, 'followers')).toEqual(['fo_ned']);
    expect(await usernames(max.id, 'following')).toEqual([]);
    expect(await usernames(ned.id, 'followers')).toEqual([]);
    expect(await usernames(ned.id, 'following')).toEqual(['fo_max']);
    expectProblem(await s.request({ url: `/api/v1/users/${lee.id}/followers` }), 404);
    expectProblem(await s.request({ url: `/api/v1/users/${lee.id}/following` }), 404);
    expectProblem(await follow(max.token, lee.id), 404);
    expect(await followOk(max.token, ned.id)).toEqual({ following: true, followed_by: true });
  });
});
