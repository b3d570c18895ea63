import type { Tweet, TweetLiker } from '@starling/sdk';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { expectProblem, nextLink } from '../support/assertions.js';
import { actionsOf } from '../support/actions.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';

inEachStorageMode(
  'likes API v2',
  (mode) => {
    const s = useStarling(mode);

    const { like, likeOk, postOk, getOk, likers, signUpMany } = actionsOf(s);
    const likeEvents = async (tweetId: string, userId: string) => {
      const db = s.platform.contexts.find((c) => c.name === 'tweets')!.db;
      const { rows } = await sql<{ type: string }>`
        select type from events where stream_id = ${`like-${tweetId}-${userId}`}
        order by stream_version`.execute(db);
      return rows.map((r) => r.type);
    };

    it('likes: like_count 1, liked for the liker, not for others, absent anonymously', async () => {
      const ada = await s.signUp('lk_ada');
      const bob = await s.signUp('lk_bob');
      const tweet = await postOk(ada.token, 'like me');
      expect(tweet.like_count).toBe(0);
      const liked = await likeOk(bob.token, tweet.id);
      expect(liked).toMatchObject({ id: tweet.id, body: 'like me', like_count: 1, liked: true });
      expect(await getOk(tweet.id, bob.token)).toMatchObject({ like_count: 1, liked: true });
      expect(await getOk(tweet.id, ada.token)).toMatchObject({ like_count: 1, liked: false });
      const anonymous = await getOk(tweet.id);
      expect(anonymous.like_count).toBe(1);
      expect(anonymous).not.toHaveProperty('liked');

      const list = async (token?: string) => {
        const res = await s.request({ url: '/api/v2/tweets?tweetedby=lk_ada', ...(token ? { token } : {}) });
        expect(res.statusCode, res.body).toBe(200);
        return (res.json() as { tweets_list: Tweet[] }).tweets_list;
      };
      expect(await list(bob.token)).toEqual([expect.objectContaining({ id: tweet.id, like_count: 1, liked: true })]);
      expect(await list(ada.token)).toEqual([expect.objectContaining({ like_count: 1, liked: false })]);
      const [anon] = await list();
      expect(anon!.like_count).toBe(1);
      expect(anon).not.toHaveProperty('liked');
    });

    it('liking twice is idempotent: still 1, one TweetLiked; unliking twice ends at 0 with 200', async () => {
      const cy = await s.signUp('lk_cy');
      const tweet = await postOk(cy.token, 'twice');
      expect(await likeOk(cy.token, tweet.id)).toMatchObject({ like_count: 1, liked: true });
      expect(await likeOk(cy.token, tweet.id)).toMatchObject({ like_count: 1, liked: true });
      expect(await likeEvents(tweet.id, cy.id)).toEqual(['TweetLiked']);
      const db = s.platform.contexts.find((c) => c.name === 'tweets')!.db;
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from events where type = 'TweetLiked' and data->>'tweet_id' = ${tweet.id}`.execute(
        db,
      );
      expect(rows[0]!.n).toBe(1);

      expect(await likeOk(cy.token, tweet.id, 'DELETE')).toMatchObject({ like_count: 0, liked: false });
      expect(await likeOk(cy.token, tweet.id, 'DELETE')).toMatchObject({ like_count: 0, liked: false });
      expect(await likeEvents(tweet.id, cy.id)).toEqual(['TweetLiked', 'TweetUnliked']);
      expect(await likers(tweet.id)).toEqual([]);
    });

    it('unliking a tweet never liked appends nothing', async () => {
      const dee = await s.signUp('lk_dee');
      const tweet = await postOk(dee.token, 'never liked');
      expect(await likeOk(dee.token, tweet.id, 'DELETE')).toMatchObject({ like_count: 0, liked: false });
      expect(await likeEvents(tweet.id, dee.id)).toEqual([]);
    });

    it('404 for an unknown tweet, 401 without a valid token', async () => {
      const eve = await s.signUp('lk_eve');
      const tweet = await postOk(eve.token, 'guarded');
      for (const method of ['POST', 'DELETE'] as const) {
        expectProblem(await like(eve.token, '01HZZZZZZZZZZZZZZZZZZZZZZZ', method), 404);
        expectProblem(await like(undefined, tweet.id, method), 401);
        expectProblem(await like('not-a-token', tweet.id, method), 401);
      }
      expectProblem(await s.request({ url: '/api/v2/tweets/01HZZZZZZZZZZZZZZZZZZZZZZZ/liked_by' }), 404);
      expectProblem(await s.request({ url: `/api/v2/tweets/${tweet.id}/liked_by?cursor=bogus` }), 400, ['cursor']);
      expect((await getOk(tweet.id)).like_count).toBe(0);
    });

    it('liked_by lists likers newest first, paged with Link and without duplicates', async () => {
      const star = await s.signUp('lk_star');
      const tweet = await postOk(star.token, 'popular');
      const fans = await signUpMany('lk_fan', 5);
      for (const fan of fans) await likeOk(fan.token, tweet.id);
      const expected = fans.map((f) => ({ id: f.id, username: f.username })).reverse();
      expect(await likers(tweet.id)).toEqual(expected);

      const seen: TweetLiker[] = [];
      let url: string | undefined = `/api/v2/tweets/${tweet.id}/liked_by?limit=2`;
      let pages = 0;
      while (url) {
        const res = await s.request({ url });
        expect(res.statusCode, res.body).toBe(200);
        seen.push(...(res.json() as { user_list: TweetLiker[] }).user_list);
        url = nextLink(res);
        pages += 1;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(expected);

      // Liking again after unliking is a new, newest like.
      await likeOk(fans[0]!.token, tweet.id, 'DELETE');
      await likeOk(fans[0]!.token, tweet.id);
      expect((await likers(tweet.id)).map((l) => l.username)).toEqual([
        'lk_fan0',
        'lk_fan4',
        'lk_fan3',
        'lk_fan2',
        'lk_fan1',
      ]);
      expect((await getOk(tweet.id)).like_count).toBe(5);
    });

    it('concurrent likes and unlikes leave an exact count', async () => {
      const host = await s.signUp('lk_host');
      const tweet = await postOk(host.token, 'contested');
      const users = await signUpMany('lk_crowd', 10);
      await Promise.all(users.map((u) => likeOk(u.token, tweet.id)));
      expect((await getOk(tweet.id)).like_count).toBe(10);
      expect(await likers(tweet.id)).toHaveLength(10);

      // Five unlike at once while five others unlike and like again, alternately.
      const leaving = users.slice(0, 5);
      const wavering = users.slice(5);
      await Promise.all([
        ...leaving.map((u) => likeOk(u.token, tweet.id, 'DELETE')),
        ...wavering.map(async (u) => {
          for (const method of ['DELETE', 'POST', 'DELETE', 'POST'] as const) await likeOk(u.token, tweet.id, method);
        }),
      ]);
      const after = await getOk(tweet.id);
      const list = await likers(tweet.id);
      expect(after.like_count).toBe(list.length);
      expect(after.like_count).toBe(5);
      expect(list.map((l) => l.id).sort()).toEqual(wavering.map((u) => u.id).sort());

      // The same user's concurrent likes count once.
      const solo = await s.signUp('lk_solo');
      const other = await postOk(host.token, 'liked once');
      const answers = await Promise.all(Array.from({ length: 5 }, () => likeOk(solo.token, other.id)));
      for (const answer of answers) expect(answer).toMatchObject({ liked: true });
      expect((await getOk(other.id)).like_count).toBe(1);
      expect(await likeEvents(other.id, solo.id)).toEqual(['TweetLiked']);
      expect(await likers(other.id)).toEqual([{ id: solo.id, username: 'lk_solo' }]);
    });

    it('a deleted tweet: 404 on like, unlike and liked_by', async () => {
      const gus = await s.signUp('lk_gus');
      const hal = await s.signUp('lk_hal');
      const tweet = await postOk(gus.token, 'short-lived');
      await likeOk(hal.token, tweet.id);
      const deleted = await s.request({ method: 'DELETE', url: `/api/v2/tweets/${tweet.id}`, token: gus.token });
      expect(deleted.statusCode).toBe(204);
      expectProblem(await like(hal.token, tweet.id), 404);
      expectProblem(await like(hal.token, tweet.id, 'DELETE'), 404);
      expectProblem(await s.request({ url: `/api/v2/tweets/${tweet.id}/liked_by` }), 404);
      expect(await likeEvents(tweet.id, hal.id)).toEqual(['TweetLiked']);
    });

    it("a deleted account's likes end with it", async () => {
      const ida = await s.signUp('lk_ida');
      const jo = await s.signUp('lk_jo');
      const tweet = await postOk(ida.token, 'liked by a leaver');
      await likeOk(jo.token, tweet.id);
      const gone = await s.request({ method: 'DELETE', url: `/api/v1/users/${jo.id}`, token: jo.token });
      expect(gone.statusCode, gone.body).toBe(204);
      await expect.poll(async () => (await getOk(tweet.id)).like_count, { timeout: 5000 }).toBe(0);
      expect(await likers(tweet.id)).toEqual([]);
    });
  },
  { timeout: 60_000 },
);
