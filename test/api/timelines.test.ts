import type { Tweet } from '@starling/sdk';
import { sql } from 'kysely';
import { timelineSettings } from '@starling/timeline';
import { describe, expect, it, vi } from 'vitest';
import { expectProblem, nextLink } from '../support/assertions.js';
import { inEachStorageMode, useStarling, type Starling } from '../support/starling.js';

type User = Awaited<ReturnType<Starling['signUp']>>;

// A test here makes up to thirty writes, each of which may wait (CONSISTENCY_WAIT_MS) for
// the other services' read models: on a loaded machine, more than the default 30 s.
vi.setConfig({ testTimeout: 90_000 });

/** The requests every timeline suite needs. */
function helpers(s: Starling) {
  const ok = async (o: Parameters<Starling['request']>[0], status = 200) => {
    const res = await s.request(o);
    expect(res.statusCode, `${o.method ?? 'GET'} ${o.url}: ${res.body}`).toBe(status);
    return res;
  };
  const tweet = async (user: User, body: string, extra: Record<string, unknown> = {}) =>
    (await ok({ method: 'POST', url: '/api/v2/tweets', token: user.token, json: { body, ...extra } }, 201)).json()
      .id as string;
  const repost = (user: User, id: string, method: 'POST' | 'DELETE' = 'POST') =>
    ok({ method, url: `/api/v2/tweets/${id}/repost`, token: user.token });
  const remove = (user: User, id: string) =>
    ok({ method: 'DELETE', url: `/api/v2/tweets/${id}`, token: user.token }, 204);
  const follow = (user: User, other: User, method: 'POST' | 'DELETE' = 'POST') =>
    ok({ method, url: `/api/v1/users/${other.id}/follow`, token: user.token });
  /** Every page of a timeline, following `Link` rel="next". */
  const all = async (url: string, token?: string) => {
    const out: Tweet[] = [];
    for (let next: string | undefined = url; next;) {
      const res = await ok({ url: next, ...(token ? { token } : {}) });
      out.push(...(res.json() as { tweets_list: Tweet[] }).tweets_list);
      next = nextLink(res);
    }
    return out;
  };
  const home = (user: User, limit = 100) => all(`/api/v2/timelines/home?limit=${limit}`, user.token);
  /** Home as `body` or `body <- reposter`, newest first. */
  const homeShape = async (user: User) =>
    (await home(user)).map((t) => (t.reposted_by ? `${t.body} <- ${t.reposted_by.username}` : t.body));
  return { ok, tweet, repost, remove, follow, all, home, homeShape };
}

/** The behaviour every configuration must show; `prefix` keeps usernames apart. */
function homeBehaviour(s: Starling, prefix: string) {
  const h = () => helpers(s);
  const users = async (...names: string[]) => {
    const out: User[] = [];
    for (const n of names) out.push(await s.signUp(`${prefix}_${n}`));
    return out;
  };

  it('home has the caller’s and their followees’ tweets and reposts (with reposted_by), not others’', async () => {
    const { tweet, repost, follow, homeShape, home } = h();
    const [ada, bob, cy, dan] = await users('a1', 'b1', 'c1', 'd1');
    await follow(ada!, bob!);
    await follow(ada!, cy!);
    const a1 = await tweet(ada!, 'ada 1');
    await tweet(bob!, 'bob 1');
    const d1 = await tweet(dan!, 'dan 1');
    await repost(bob!, d1);
    await repost(cy!, d1);
    await repost(ada!, a1);
    await tweet(dan!, 'dan 2');
    expect(await homeShape(ada!)).toEqual([
      `ada 1 <- ${prefix}_a1`,
      `dan 1 <- ${prefix}_c1`,
      `dan 1 <- ${prefix}_b1`,
      'bob 1',
      'ada 1',
    ]);
    const entry = (await home(ada!))[1]!;
    expect(entry).toMatchObject({
      id: d1,
      tweetedby: `${prefix}_d1`,
      repost_count: 2,
      reposted: false,
      liked: false,
      reposted_by: { id: cy!.id, username: `${prefix}_c1`, name: expect.any(String) },
    });
    expect(await homeShape(dan!)).toEqual(['dan 2', 'dan 1']);
  });

  it('following backfills, unfollowing removes, deleting and unreposting remove everywhere', async () => {
    const { tweet, repost, follow, remove, homeShape, all } = h();
    const [ada, bob, cy] = await users('a2', 'b2', 'c2');
    const b1 = await tweet(bob!, 'bob 1');
    const c1 = await tweet(cy!, 'cy 1');
    await repost(cy!, b1);
    expect(await homeShape(ada!)).toEqual([]);
    await follow(ada!, bob!);
    expect(await homeShape(ada!)).toEqual(['bob 1']);
    await follow(ada!, cy!);
    expect(await homeShape(ada!)).toEqual([`bob 1 <- ${prefix}_c2`, 'cy 1', 'bob 1']);
    await repost(cy!, b1, 'DELETE');
    expect(await homeShape(ada!)).toEqual(['cy 1', 'bob 1']);
    await repost(cy!, b1);
    await follow(ada!, bob!, 'DELETE');
    expect(await homeShape(ada!)).toEqual([`bob 1 <- ${prefix}_c2`, 'cy 1']);
    await remove(bob!, b1);
    expect(await homeShape(ada!)).toEqual(['cy 1']);
    expect((await all('/api/v2/timelines/public?limit=100')).map((t) => t.id)).not.toContain(b1);
    await remove(cy!, c1);
    expect(await homeShape(ada!)).toEqual([]);
    expect(await homeShape(cy!)).toEqual([]);
  });

  it('a page read again shows at once what changed since: a like, a follow, a new name', async () => {
    const { ok, tweet, follow, home } = h();
    const [ada, bob] = await users('pc_a', 'pc_b');
    const first = await tweet(bob!, 'bob, cached or not');
    const publicPage = async () =>
      (await ok({ url: '/api/v2/timelines/public?limit=5' })).json().tweets_list as Tweet[];
    // Read twice: the second read is served as the first was, unless something moved.
    expect(await home(ada!)).toEqual([]);
    expect(await home(ada!)).toEqual([]);
    expect((await publicPage())[0]).toMatchObject({ id: first, like_count: 0 });
    expect((await publicPage())[0]).toMatchObject({ id: first, like_count: 0 });

    await follow(ada!, bob!);
    expect((await home(ada!)).map((t) => t.id)).toEqual([first]);
    await ok({ method: 'POST', url: `/api/v2/tweets/${first}/like`, token: ada!.token });
    expect(await home(ada!)).toMatchObject([{ id: first, like_count: 1, liked: true }]);
    expect((await publicPage())[0]).toMatchObject({ id: first, like_count: 1 });
    await ok({ method: 'PUT', url: `/api/v1/users/${bob!.id}`, token: bob!.token, json: { name: 'Bob Renamed' } });
    expect(await home(ada!)).toMatchObject([{ id: first, author_name: 'Bob Renamed' }]);
    expect((await publicPage())[0]).toMatchObject({ id: first, author_name: 'Bob Renamed' });
  });

  it('pages a home without gaps or duplicates, with opaque cursors', async () => {
    const { tweet, repost, follow, home, ok } = h();
    const [ada, bob] = await users('a3', 'b3');
    await follow(ada!, bob!);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await tweet(i % 2 ? ada! : bob!, `t${i}`));
    await repost(ada!, ids[0]!);
    const one = await home(ada!, 100);
    const paged = await home(ada!, 2);
    expect(paged).toEqual(one);
    expect(one).toHaveLength(8);
    const first = await ok({ url: '/api/v2/timelines/home?limit=3', token: ada!.token });
    expect(nextLink(first)).toMatch(/cursor=/);
    expectProblem(await s.request({ url: '/api/v2/timelines/home?cursor=nonsense', token: ada!.token }), 400, [
      'cursor',
    ]);
  });
}

inEachStorageMode('timelines API v2', (mode) => {
  const s = useStarling(mode);
  homeBehaviour(s, 'tl');

  it('public: every tweet, replies included, no reposts, newest first, paged', async () => {
    const { tweet, repost, all } = helpers(s);
    const ada = await s.signUp('tlp_ada');
    const root = await tweet(ada, 'a root');
    const reply = await tweet(ada, 'a reply', { in_reply_to_id: root });
    await repost(ada, root);
    const anonymous = await all('/api/v2/timelines/public?limit=1');
    expect(anonymous.slice(0, 2).map((t) => t.id)).toEqual([reply, root]);
    expect(anonymous.filter((t) => t.id === root)).toHaveLength(1);
    expect(anonymous[0]).not.toHaveProperty('liked');
    expect(anonymous[0]).toMatchObject({ in_reply_to_id: root, in_reply_to_username: 'tlp_ada' });
    expect(anonymous[1]).toMatchObject({ reply_count: 1, repost_count: 1 });
    const mine = await all('/api/v2/timelines/public', ada.token);
    expect(mine[1]).toMatchObject({ id: root, reposted: true, liked: false });
  });

  it('tag: matched case- and normalization-insensitively, newest first', async () => {
    const { tweet, remove, all } = helpers(s);
    const ada = await s.signUp('tlt_ada');
    const one = await tweet(ada, 'Coffee at the #Café');
    const two = await tweet(ada, 'more #café, decomposed: #cafe\u0301 and #CAFÉ');
    await tweet(ada, 'plain #cafe without the accent');
    const gone = await tweet(ada, '#café soon gone');
    await remove(ada, gone);
    for (const tag of ['café', 'Café', 'CAFÉ', encodeURIComponent('cafe\u0301'), encodeURIComponent('#café')]) {
      expect(
        (await all(`/api/v2/timelines/tag/${tag}?limit=1`)).map((t) => t.id),
        tag,
      ).toEqual([two, one]);
    }
    expect(await all('/api/v2/timelines/tag/nothing_here')).toEqual([]);
    const [shown] = await all('/api/v2/timelines/tag/caf%C3%A9');
    expect(shown!.entities.hashtags.map((h) => h.tag)).toEqual(['café', 'cafe\u0301', 'CAFÉ']);
  });

  it('home and the stream are for authenticated callers only: 401', async () => {
    expectProblem(await s.request({ url: '/api/v2/timelines/home' }), 401);
    expectProblem(await s.request({ url: '/api/v2/timelines/home', token: 'not-a-token' }), 401);
    expectProblem(await s.request({ url: '/api/v2/streaming/home' }), 401);
    expect((await s.request({ url: '/api/v2/timelines/public', token: 'not-a-token' })).statusCode).toBe(401);
  });

  it('a home keeps its newest HOME_TIMELINE_LENGTH entries', async () => {
    const { tweet, follow, home } = helpers(s);
    const ada = await s.signUp('tll_ada');
    const bob = await s.signUp('tll_bob');
    await follow(ada, bob);
    const length = timelineSettings(s.platform.contexts[0]!.config.env).HOME_TIMELINE_LENGTH;
    const db = s.platform.contexts.find((c) => c.name === 'timeline')!.db;
    // The fan-out is a background consumer: the stored home is complete once it has caught up.
    const stored = async () => {
      await s.platform.bus.drain();
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from home_entries where owner_id = ${ada.id}`.execute(db);
      return rows[0]!.n;
    };
    for (let i = 0; i < 3; i++) await tweet(bob, `b${i}`);
    expect(await stored()).toBe(3);
    expect(length).toBe(800);
    expect((await home(ada)).length).toBe(3);
  });
});

describe('home timelines with big accounts', () => {
  // Two followers at most are fanned out to: a third makes an account big, merged at read time.
  inEachStorageMode('FANOUT_MAX_FOLLOWERS=2, HOME_TIMELINE_LENGTH=20', (mode) => {
    const s = useStarling(mode, { FANOUT_MAX_FOLLOWERS: '2', HOME_TIMELINE_LENGTH: '20' });
    homeBehaviour(s, 'tb');

    const stored = async (owner: string) => {
      await s.platform.bus.drain(); // the fan-out runs in the background
      const db = s.platform.contexts.find((c) => c.name === 'timeline')!.db;
      return (
        await sql<{ actor_id: string }>`select actor_id from home_entries where owner_id = ${owner}`.execute(db)
      ).rows.map((r) => r.actor_id);
    };

    it('merges a big account in at read time, and moves it when it crosses the threshold both ways', async () => {
      const { tweet, repost, follow, homeShape } = helpers(s);
      const star = await s.signUp('tb_star');
      const fans = [await s.signUp('tb_f1'), await s.signUp('tb_f2'), await s.signUp('tb_f3')];
      const other = await s.signUp('tb_other');
      await tweet(star, 'star 1');
      const o1 = await tweet(other, 'other 1');
      await repost(star, o1);
      await follow(fans[0]!, star);
      await follow(fans[1]!, star);
      expect(await stored(fans[0]!.id)).toEqual([star.id, star.id]);
      await follow(fans[2]!, star);
      // Big now: in nobody's stored home, yet in every follower's timeline.
      for (const fan of fans) {
        expect(await stored(fan.id)).toEqual([]);
        expect(await homeShape(fan)).toEqual(['other 1 <- tb_star', 'star 1']);
      }
      await tweet(star, 'star 2');
      await tweet(fans[0]!, 'fan 1');
      expect(await homeShape(fans[0]!)).toEqual(['fan 1', 'star 2', 'other 1 <- tb_star', 'star 1']);
      await follow(fans[2]!, star, 'DELETE');
      // Small again: fanned out to the two followers left, gone from the third.
      expect((await stored(fans[1]!.id)).sort()).toEqual([star.id, star.id, star.id]);
      expect(await homeShape(fans[1]!)).toEqual(['star 2', 'other 1 <- tb_star', 'star 1']);
      expect(await homeShape(fans[2]!)).toEqual([]);
    });

    it('keeps the newest HOME_TIMELINE_LENGTH entries, refilling when some go', async () => {
      const { tweet, follow, remove, home } = helpers(s);
      const ada = await s.signUp('tbl_ada');
      const bob = await s.signUp('tbl_bob');
      const cy = await s.signUp('tbl_cy');
      const ids: string[] = [];
      for (let i = 0; i < 15; i++) ids.push(await tweet(i % 2 ? bob : cy, `n${i}`));
      await follow(ada, bob);
      await follow(ada, cy);
      expect((await stored(ada.id)).length).toBe(15);
      for (let i = 15; i < 25; i++) ids.push(await tweet(i % 2 ? bob : cy, `n${i}`));
      expect((await stored(ada.id)).length).toBe(20);
      expect((await home(ada, 7)).map((t) => t.body)).toEqual(
        ids
          .slice(5)
          .reverse()
          .map((_, i) => `n${24 - i}`),
      );
      await remove(bob, ids[23]!);
      await remove(cy, ids[24]!);
      // The two older entries come back in.
      expect((await home(ada)).map((t) => t.body)).toEqual(Array.from({ length: 20 }, (_, i) => `n${22 - i}`));
      await follow(ada, cy, 'DELETE');
      expect((await home(ada)).map((t) => t.body)).toEqual(
        Array.from({ length: 12 }, (_, i) => `n${23 - 2 * i - 2}`).filter((b) => b !== 'n-1'),
      );
    });
  });
});
