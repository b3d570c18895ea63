import type { User } from '@starling/sdk';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { actionsOf } from '../support/actions.js';
import { inEachStorageMode, startStarling, useStarling } from '../support/starling.js';

inEachStorageMode('who to follow', (mode) => {
  const s = useStarling(mode);

  const { followOk: follow } = actionsOf(s);
  const suggestions = async (token: string, limit = 100) => {
    const res = await s.request({ url: `/api/v1/users/suggestions?limit=${limit}`, token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().user_list as User[];
  };
  const allUsers = async () => (await s.request({ url: '/api/v1/users?limit=100' })).json().user_list as User[];

  it('ranks by followees who follow them, then followers, then newest; leaves out yourself and whom you follow', async () => {
    const me = await s.signUp('sg_me');
    const [a, b, c, x, y, z, w, p, q, d] = await Promise.all(
      ['a', 'b', 'c', 'x', 'y', 'z', 'w', 'p', 'q', 'd'].map((n) => s.signUp(`sg_${n}`)),
    );
    const later = [await s.signUp('sg_n1'), await s.signUp('sg_n2')];
    const newestFirst = (...users: Array<{ id: string; username: string }>) =>
      users.sort((l, r) => (l.id < r.id ? 1 : -1)).map((u) => u.username);
    for (const followee of [a!, b!, c!]) await follow(me.token, followee.id);
    // x: followed by a, b and c; z: by b and c; y: by a; w: by c and an outsider (p).
    for (const [who, whom] of [
      [a, x],
      [b, x],
      [c, x],
      [b, z],
      [c, z],
      [a, y],
      [c, w],
      [p, w],
      [p, q],
      [p, me],
      // Followed by my followees but excluded: myself and someone I follow.
      [a, me],
      [a, b],
      [c, b],
      // Followed by all of them, then deleted.
      [a, d],
      [b, d],
      [c, d],
    ] as const)
      await follow(who!.token, whom!.id);
    const gone = await s.request({ method: 'DELETE', url: `/api/v1/users/${d!.id}`, token: d!.token });
    expect(gone.statusCode, gone.body).toBe(204);

    const ours = (await suggestions(me.token)).filter((u) => u.username.startsWith('sg_'));
    // After the mutual ones: q has a follower; then the rest newest first.
    expect(ours.map((u) => u.username)).toEqual(['sg_x', 'sg_z', 'sg_w', 'sg_y', 'sg_q', ...newestFirst(p!, ...later)]);
    expect(ours[0]).toMatchObject({ followers_count: 3, following: false, followed_by: false });
    expect(ours.find((u) => u.username === 'sg_p')).toMatchObject({ following: false, followed_by: true });

    expect((await suggestions(me.token, 2)).map((u) => u.username)).toEqual(['sg_x', 'sg_z']);

    // Following a suggestion takes it off the list, and brings in whom it follows.
    await follow(me.token, x!.id);
    await follow(x!.token, q!.id);
    const next = (await suggestions(me.token)).filter((u) => u.username.startsWith('sg_')).map((u) => u.username);
    // q now has one of my followees too, and as many followers as w: the newer first.
    expect(next.slice(0, 4)).toEqual(['sg_z', ...newestFirst(w!, q!), 'sg_y']);
    expect(next).not.toContain('sg_x');
  });

  it('with no followees: the most followed, then the newest, and a small limit still skips whom you follow', async () => {
    const fresh = await s.signUp('sg_fresh');
    const expected = (await allUsers())
      .filter((u) => u.id !== fresh.id)
      .sort((l, r) => r.followers_count - l.followers_count || (l.id < r.id ? 1 : -1))
      .map((u) => u.id);
    expect((await suggestions(fresh.token)).map((u) => u.id)).toEqual(expected);
    expect((await suggestions(fresh.token, 3)).map((u) => u.id)).toEqual(expected.slice(0, 3));

    // Follow the three most followed: the next three fill a page of three.
    for (const id of expected.slice(0, 3)) await follow(fresh.token, id);
    const page = (await suggestions(fresh.token, 3)).map((u) => u.id);
    expect(page).toHaveLength(3);
    for (const id of expected.slice(0, 3)) expect(page).not.toContain(id);
  });

  it('is for an authenticated caller, with a limit of 1 to 100', async () => {
    const u = await s.signUp('sg_limits');
    expectProblem(await s.request({ url: '/api/v1/users/suggestions' }), 401);
    expectProblem(await s.request({ url: '/api/v1/users/suggestions?limit=0', token: u.token }), 400, ['limit']);
    expectProblem(await s.request({ url: '/api/v1/users/suggestions?limit=101', token: u.token }), 400, ['limit']);
    expect(await suggestions(u.token, 1)).toHaveLength(1);
    expect((await s.request({ url: '/api/v1/users/suggestions', token: u.token })).json().user_list.length).toBe(
      Math.min(20, (await allUsers()).length - 1),
    );
  });

  it('agrees with a brute-force ranking for an account following hundreds', { timeout: 120_000 }, async () => {
    // Its own instance: thousands of synthetic accounts would crowd the other tests.
    const own = await startStarling(mode);
    try {
      const me = await own.signUp('sg_heavy');
      const db = own.platform.contexts.find((c) => c.name === 'identity')!.db;
      // 3,000 accounts; I follow 400 of them; each of those follows 60 others.
      await sql`
        insert into users (id, username, username_key, name, email, created_at, version)
        select 'SYN' || lpad(i::text, 5, '0'), 'syn' || i, 'syn' || i, 'Syn ' || i, 'syn' || i || '@example.com',
               now(), 1
        from generate_series(1, 3000) i`.execute(db);
      await sql`
        insert into relationships (follower_id, followee_id, followed_at)
        select ${me.id}, 'SYN' || lpad(i::text, 5, '0'), now() from generate_series(1, 400) i`.execute(db);
      await sql`
        insert into relationships (follower_id, followee_id, followed_at)
        select distinct 'SYN' || lpad(i::text, 5, '0'), 'SYN' || lpad((1 + (i * 7919 + k * k * 104729) % 3000)::text, 5, '0'),
               now() - (k || ' seconds')::interval
        from generate_series(1, 400) i, generate_series(1, 60) k
        on conflict do nothing`.execute(db);
      await sql`
        insert into relationship_counts (user_id, followers_count, following_count)
        select id, (select count(*) from relationships where followee_id = id),
                   (select count(*) from relationships where follower_id = id)
        from users`.execute(db);
      const { rows: oracle } = await sql<{ id: string }>`
        select u.id from users u
        left join (select r2.followee_id as id, count(*) as m
                   from relationships r1 join relationships r2 on r2.follower_id = r1.followee_id
                   where r1.follower_id = ${me.id} group by r2.followee_id) mm on mm.id = u.id
        left join relationship_counts rc on rc.user_id = u.id
        where u.id <> ${me.id}
          and not exists (select 1 from relationships where follower_id = ${me.id} and followee_id = u.id)
        order by coalesce(mm.m, 0) desc, coalesce(rc.followers_count, 0) desc, u.id desc
        limit 50`.execute(db);

      const started = performance.now();
      const res = await own.request({ url: '/api/v1/users/suggestions?limit=50', token: me.token });
      const elapsed = performance.now() - started;
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json().user_list as User[]).map((u) => u.id)).toEqual(oracle.map((r) => r.id));
      // Generous: it is one bounded query, a few milliseconds on PostgreSQL.
      expect(elapsed).toBeLessThan(5_000);
    } finally {
      await own.close();
    }
  });
});
