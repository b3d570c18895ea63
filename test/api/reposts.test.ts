import type { TweetReposter } from '@starling/sdk';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { expectProblem, nextLink } from '../support/assertions.js';
import { contractChecker } from '../support/contract.js';
import { actionsOf } from '../support/actions.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';

const UNKNOWN = '01HZZZZZZZZZZZZZZZZZZZZZZZ';

inEachStorageMode(
  'reposts API v2',
  (mode) => {
    const s = useStarling(mode);
    let expectContract: ReturnType<typeof contractChecker>;
    beforeAll(async () => {
      expectContract = contractChecker((await s.request({ url: '/openapi.json' })).json());
    });

    const db = () => s.platform.contexts.find((c) => c.name === 'tweets')!.db;
    const { call, repost, repostOk, likeOk, postOk, getOk, reposters, removeOk, signUpMany } = actionsOf(
      s,
      (method, url, res) => expectContract(method, url, res),
    );
    const repostEvents = async (tweetId: string, userId: string) => {
      const { rows } = await sql<{ type: string; data: Record<string, string> }>`
        select type, data from events where stream_id = ${`repost-${tweetId}-${userId}`}
        order by stream_version`.execute(db());
      return rows;
    };

    it('reposts: repost_count 1, reposted for the reposter, not for others, absent anonymously', async () => {
      const ada = await s.signUp('rs_ada');
      const bob = await s.signUp('rs_bob');
      const tweet = await postOk(ada.token, 'repost me');
      expect(tweet).toMatchObject({ repost_count: 0, reposted: false });
      expect(await repostOk(bob.token, tweet.id)).toMatchObject({
        id: tweet.id,
        repost_count: 1,
        reposted: true,
        liked: false,
        like_count: 0,
      });
      expect(await getOk(tweet.id, bob.token)).toMatchObject({ repost_count: 1, reposted: true });
      expect(await getOk(tweet.id, ada.token)).toMatchObject({ repost_count: 1, reposted: false });
      const anonymous = await getOk(tweet.id);
      expect(anonymous.repost_count).toBe(1);
      expect(anonymous).not.toHaveProperty('reposted');
      const listed = await call({ url: '/api/v2/tweets?tweetedby=rs_ada', token: bob.token });
      expect(listed.json().tweets_list).toEqual([expect.objectContaining({ repost_count: 1, reposted: true })]);
      expect(await reposters(tweet.id)).toEqual([{ id: bob.id, username: 'rs_bob' }]);

      // The event names the tweet's author and a fresh repost id.
      const [event] = await repostEvents(tweet.id, bob.id);
      expect(event).toMatchObject({
        type: 'TweetReposted',
        data: { tweet_id: tweet.id, author_id: ada.id, user_id: bob.id, username: 'rs_bob' },
      });
      expect(event!.data.repost_id).toMatch(/^[0-9A-Z]{26}$/);
      expect(event!.data.repost_id > tweet.id).toBe(true);
    });

    it('reposting your own tweet is allowed', async () => {
      const cy = await s.signUp('rs_cy');
      const tweet = await postOk(cy.token, 'my own');
      expect(await repostOk(cy.token, tweet.id)).toMatchObject({ repost_count: 1, reposted: true });
      expect(await reposters(tweet.id)).toEqual([{ id: cy.id, username: 'rs_cy' }]);
    });

    it('reposting twice is one TweetReposted; unreposting twice is one TweetUnreposted, both 200', async () => {
      const dee = await s.signUp('rs_dee');
      const eve = await s.signUp('rs_eve');
      const tweet = await postOk(dee.token, 'twice');
      expect(await repostOk(eve.token, tweet.id)).toMatchObject({ repost_count: 1, reposted: true });
      expect(await repostOk(eve.token, tweet.id)).toMatchObject({ repost_count: 1, reposted: true });
      expect((await repostEvents(tweet.id, eve.id)).map((e) => e.type)).toEqual(['TweetReposted']);
      expect(await repostOk(eve.token, tweet.id, 'DELETE')).toMatchObject({ repost_count: 0, reposted: false });
      expect(await repostOk(eve.token, tweet.id, 'DELETE')).toMatchObject({ repost_count: 0, reposted: false });
      const events = await repostEvents(tweet.id, eve.id);
      expect(events.map((e) => e.type)).toEqual(['TweetReposted', 'TweetUnreposted']);
      expect(events[1]!.data).toEqual({ tweet_id: tweet.id, author_id: dee.id, user_id: eve.id });
      expect(await reposters(tweet.id)).toEqual([]);

      // Never reposted: unreposting appends nothing. Reposting again is a new repost, with a new id.
      const fay = await s.signUp('rs_fay');
      expect(await repostOk(fay.token, tweet.id, 'DELETE')).toMatchObject({ repost_count: 0, reposted: false });
      expect(await repostEvents(tweet.id, fay.id)).toEqual([]);
      await repostOk(eve.token, tweet.id);
      const again = await repostEvents(tweet.id, eve.id);
      expect(again.map((e) => e.type)).toEqual(['TweetReposted', 'TweetUnreposted', 'TweetReposted']);
      expect(again[2]!.data.repost_id).not.toBe(again[0]!.data.repost_id);
    });

    it('401 without a valid token, 404 for an unknown tweet; 400 for a bad cursor', async () => {
      const gus = await s.signUp('rs_gus');
      const tweet = await postOk(gus.token, 'guarded');
      for (const method of ['POST', 'DELETE'] as const) {
        expectProblem(await repost(gus.token, UNKNOWN, method), 404);
        expectProblem(await repost(undefined, tweet.id, method), 401);
        expectProblem(await repost('not-a-token', tweet.id, method), 401);
      }
      expectProblem(await call({ url: `/api/v2/tweets/${UNKNOWN}/reposted_by` }), 404);
      expectProblem(await call({ url: `/api/v2/tweets/${tweet.id}/reposted_by?cursor=bogus` }), 400, ['cursor']);
      expect((await getOk(tweet.id)).repost_count).toBe(0);
    });

    it('reposted_by lists reposters newest first, paged with Link and without duplicates', async () => {
      const star = await s.signUp('rs_star');
      const tweet = await postOk(star.token, 'popular');
      const fans = await signUpMany('rs_fan', 5);
      for (const fan of fans) await repostOk(fan.token, tweet.id);
      const expected = fans.map((f) => ({ id: f.id, username: f.username })).reverse();
      expect(await reposters(tweet.id)).toEqual(expected);

      const seen: TweetReposter[] = [];
      let url: string | undefined = `/api/v2/tweets/${tweet.id}/reposted_by?limit=2`;
      let pages = 0;
      while (url) {
        const res = await call({ url });
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...(res.json() as { user_list: TweetReposter[] }).user_list);
        url = nextLink(res);
        pages += 1;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(expected);

      // Reposting again after unreposting is a new, newest repost.
      await repostOk(fans[0]!.token, tweet.id, 'DELETE');
      await repostOk(fans[0]!.token, tweet.id);
      expect((await reposters(tweet.id)).map((r) => r.username)).toEqual([
        'rs_fan0',
        'rs_fan4',
        'rs_fan3',
        'rs_fan2',
        'rs_fan1',
      ]);
      expect((await getOk(tweet.id)).repost_count).toBe(5);
    });

    it('concurrent likes, unlikes, reposts and unreposts from many users leave exact counts', async () => {
      const host = await s.signUp('rs_host');
      const tweet = await postOk(host.token, 'contested');
      const crowd = await signUpMany('rs_crowd', 12);
      await Promise.all(crowd.flatMap((u) => [likeOk(u.token, tweet.id), repostOk(u.token, tweet.id)]));
      expect(await getOk(tweet.id)).toMatchObject({ like_count: 12, repost_count: 12 });

      // Four leave at once, four waver (off, on, off, on), four waver and end off, all concurrently.
      const leaving = crowd.slice(0, 4);
      const staying = crowd.slice(4, 8);
      const quitting = crowd.slice(8);
      const toggle = async (token: string, final: 'on' | 'off', kind: 'like' | 'repost') => {
        const act = kind === 'like' ? likeOk : repostOk;
        const steps =
          final === 'on' ? (['DELETE', 'POST', 'DELETE', 'POST'] as const) : (['DELETE', 'POST', 'DELETE'] as const);
        for (const method of steps) await act(token, tweet.id, method);
      };
      await Promise.all([
        ...leaving.flatMap((u) => [likeOk(u.token, tweet.id, 'DELETE'), repostOk(u.token, tweet.id, 'DELETE')]),
        ...staying.flatMap((u) => [toggle(u.token, 'on', 'like'), toggle(u.token, 'on', 'repost')]),
        ...quitting.flatMap((u) => [toggle(u.token, 'off', 'like'), toggle(u.token, 'off', 'repost')]),
      ]);
      const after = await getOk(tweet.id);
      expect(after).toMatchObject({ like_count: 4, repost_count: 4 });
      const list = await reposters(tweet.id);
      expect(list.map((r) => r.id).sort()).toEqual(staying.map((u) => u.id).sort());
      const likers = await call({ url: `/api/v2/tweets/${tweet.id}/liked_by?limit=100` });
      expect(likers.json().user_list).toHaveLength(4);

      // The same user's concurrent reposts count once and append once.
      const solo = await s.signUp('rs_solo');
      const other = await postOk(host.token, 'reposted once');
      const answers = await Promise.all(Array.from({ length: 6 }, () => repostOk(solo.token, other.id)));
      for (const answer of answers) expect(answer).toMatchObject({ reposted: true, repost_count: 1 });
      expect((await repostEvents(other.id, solo.id)).map((e) => e.type)).toEqual(['TweetReposted']);
      const undo = await Promise.all(Array.from({ length: 6 }, () => repostOk(solo.token, other.id, 'DELETE')));
      for (const answer of undo) expect(answer).toMatchObject({ reposted: false, repost_count: 0 });
      expect((await repostEvents(other.id, solo.id)).map((e) => e.type)).toEqual(['TweetReposted', 'TweetUnreposted']);
    });

    it('a deleted tweet takes its likes and reposts with it: 404 on repost, unrepost and reposted_by', async () => {
      const hal = await s.signUp('rs_hal');
      const ida = await s.signUp('rs_ida');
      const tweet = await postOk(hal.token, 'short-lived');
      await repostOk(ida.token, tweet.id);
      await likeOk(ida.token, tweet.id);
      await removeOk(hal.token, tweet.id);
      expectProblem(await repost(ida.token, tweet.id), 404);
      expectProblem(await repost(ida.token, tweet.id, 'DELETE'), 404);
      expectProblem(await call({ url: `/api/v2/tweets/${tweet.id}/reposted_by` }), 404);
      expect((await repostEvents(tweet.id, ida.id)).map((e) => e.type)).toEqual(['TweetReposted']);
      const left = async (table: 'likes' | 'reposts') =>
        (await sql`select 1 from ${sql.table(table)} where tweet_id = ${tweet.id}`.execute(db())).rows.length;
      expect(await left('likes')).toBe(0);
      expect(await left('reposts')).toBe(0);
    });

    it('counts after deletes: a deleted reply leaves its parent’s counts right, a reposted reply too', async () => {
      const jo = await s.signUp('rs_jo');
      const kim = await s.signUp('rs_kim');
      const parent = await postOk(jo.token, 'parent');
      const reply = await postOk(kim.token, 'reply', parent.id);
      await repostOk(jo.token, reply.id);
      await repostOk(kim.token, parent.id);
      await likeOk(jo.token, reply.id);
      expect(await getOk(parent.id)).toMatchObject({ reply_count: 1, repost_count: 1, like_count: 0 });
      expect(await getOk(reply.id)).toMatchObject({ reply_count: 0, repost_count: 1, like_count: 1 });
      await removeOk(kim.token, reply.id);
      expect(await getOk(parent.id)).toMatchObject({ reply_count: 0, repost_count: 1, like_count: 0 });
    });

    it("a deleted account's reposts end with it (TweetUnreposted)", async () => {
      const lu = await s.signUp('rs_lu');
      const max = await s.signUp('rs_max');
      const tweet = await postOk(lu.token, 'reposted by a leaver');
      const own = await postOk(max.token, 'the leaver’s own, reposted by themself');
      await repostOk(max.token, tweet.id);
      await repostOk(max.token, own.id);
      await repostOk(lu.token, own.id);
      const gone = await call({ method: 'DELETE', url: `/api/v1/users/${max.id}`, token: max.token });
      expect(gone.statusCode, gone.body).toBe(204);
      await expect.poll(async () => (await getOk(tweet.id)).repost_count, { timeout: 5000 }).toBe(0);
      expect(await reposters(tweet.id)).toEqual([]);
      const events = await repostEvents(tweet.id, max.id);
      expect(events.map((e) => e.type)).toEqual(['TweetReposted', 'TweetUnreposted']);
      expect(events[1]!.data).toEqual({ tweet_id: tweet.id, author_id: lu.id, user_id: max.id });
      expect((await repostEvents(own.id, max.id)).map((e) => e.type)).toEqual(['TweetReposted', 'TweetUnreposted']);
      // lu's repost of the deleted tweet went with the tweet, though lu's account stays.
      expect((await repostEvents(own.id, lu.id)).map((e) => e.type)).toEqual(['TweetReposted']);
      expect(await getOk(tweet.id, lu.token)).toMatchObject({ reposted: false });
    });
  },
  { timeout: 90_000 },
);
