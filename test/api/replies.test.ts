import type { Tweet, TweetContext, TweetEntities } from '@starling/sdk';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { appendToStream, newId } from '@starling/kit';
import { expectProblem } from '../support/assertions.js';
import { contractChecker } from '../support/contract.js';
import { actionsOf } from '../support/actions.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';

const UNKNOWN = '01HZZZZZZZZZZZZZZZZZZZZZZZ';

inEachStorageMode(
  'replies, threads and entities API v2',
  (mode) => {
    const s = useStarling(mode);
    let expectContract: ReturnType<typeof contractChecker>;
    beforeAll(async () => {
      expectContract = contractChecker((await s.request({ url: '/openapi.json' })).json());
    });

    const tweetsDb = () => s.platform.contexts.find((c) => c.name === 'tweets')!;
    const post = async (token: string | undefined, json: unknown) => {
      const res = await s.request({ method: 'POST', url: '/api/v2/tweets', json, ...(token ? { token } : {}) });
      expectContract('POST', '/api/v2/tweets', res);
      return res;
    };
    const context = (id: string, token?: string) =>
      s.request({ url: `/api/v2/tweets/${id}/context`, ...(token ? { token } : {}) }).then((res) => {
        expectContract('GET', `/api/v2/tweets/${id}/context`, res);
        return res;
      });
    const contextOk = async (id: string, token?: string) => {
      const res = await context(id, token);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as TweetContext;
    };
    const { postOk, getOk, removeOk } = actionsOf(s, (method, url, res) => expectContract(method, url, res));
    const tweetEventCount = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from events where type = 'TweetPosted'`.execute(
          tweetsDb().db,
        )
      ).rows[0]!.n;
    const postedEvent = async (id: string) =>
      (
        await sql<{ schema_version: number; data: Record<string, unknown> }>`
          select schema_version, data from events where stream_id = ${`tweet-${id}`} and type = 'TweetPosted'`.execute(
          tweetsDb().db,
        )
      ).rows;

    it('a reply names its parent and its author; the parent counts it; the event is TweetPosted v3', async () => {
      const ada = await s.signUp('rp_ada');
      const bob = await s.signUp('rp_bob');
      const parent = await postOk(ada.token, 'What do you think?');
      expect(parent).toMatchObject({ reply_count: 0, repost_count: 0, like_count: 0 });
      expect(parent).not.toHaveProperty('in_reply_to_id');
      expect(parent).not.toHaveProperty('in_reply_to_author_id');
      expect(parent).not.toHaveProperty('in_reply_to_username');

      const reply = await postOk(bob.token, '@rp_ada I agree', parent.id);
      expect(reply).toMatchObject({
        tweetedby: 'rp_bob',
        in_reply_to_id: parent.id,
        in_reply_to_author_id: ada.id,
        in_reply_to_username: 'rp_ada',
        reply_count: 0,
        entities: { hashtags: [], mentions: [{ username: 'rp_ada', start: 0, end: 7 }] },
      });
      expect(await getOk(reply.id)).toMatchObject({ in_reply_to_id: parent.id, in_reply_to_username: 'rp_ada' });
      expect((await getOk(parent.id)).reply_count).toBe(1);

      const [event] = await postedEvent(reply.id);
      expect(event!.schema_version).toBe(3);
      expect(event!.data).toMatchObject({
        tweet_id: reply.id,
        author_id: bob.id,
        in_reply_to_id: parent.id,
        in_reply_to_author_id: ada.id,
        entities: { hashtags: [], mentions: [{ username: 'rp_ada', start: 0, end: 7 }] },
      });
      const [plain] = await postedEvent(parent.id);
      expect(plain!.data).not.toHaveProperty('in_reply_to_id');
      expect(plain!.data).toHaveProperty('entities', { hashtags: [], mentions: [] });

      // Replying to yourself is a reply too; every direct reply counts, and a reply to a reply counts once, above it.
      const own = await postOk(ada.token, 'answering myself', parent.id);
      expect(own).toMatchObject({ in_reply_to_author_id: ada.id, in_reply_to_username: 'rp_ada' });
      await postOk(ada.token, 'and to bob', reply.id);
      expect((await getOk(parent.id)).reply_count).toBe(2);
      expect((await getOk(reply.id)).reply_count).toBe(1);
    });

    it('a reply to a missing or deleted tweet: 400 naming in_reply_to_id, nothing posted; anonymous: 401', async () => {
      const cy = await s.signUp('rp_cy');
      const gone = await postOk(cy.token, 'soon deleted');
      await removeOk(cy.token, gone.id);
      const before = await tweetEventCount();
      expectProblem(await post(cy.token, { body: 'to nothing', in_reply_to_id: UNKNOWN }), 400, ['in_reply_to_id']);
      expectProblem(await post(cy.token, { body: 'to the deleted', in_reply_to_id: gone.id }), 400, ['in_reply_to_id']);
      expectProblem(await post(cy.token, { body: 'empty id', in_reply_to_id: '' }), 400, ['in_reply_to_id']);
      const live = await postOk(cy.token, 'still here');
      expectProblem(await post(undefined, { body: 'anonymous reply', in_reply_to_id: live.id }), 401);
      expect(await tweetEventCount()).toBe(before + 1);
      expect((await getOk(live.id)).reply_count).toBe(0);
    });

    it('entities: hashtags and mentions with code point offsets, past an emoji; no email address', async () => {
      const dee = await s.signUp('rp_dee');
      const body = '👋 #café #日本語 ask @rp_dee or mail rp_dee@example.com #1 a#b';
      const tweet = await postOk(dee.token, body);
      const expected: TweetEntities = {
        hashtags: [
          { tag: 'café', start: 2, end: 7 },
          { tag: '日本語', start: 8, end: 12 },
        ],
        mentions: [{ username: 'rp_dee', start: 17, end: 24 }],
      };
      expect(tweet.entities).toEqual(expected);
      const points = [...body];
      for (const h of tweet.entities.hashtags) expect(points.slice(h.start, h.end).join('')).toBe(`#${h.tag}`);
      for (const m of tweet.entities.mentions) expect(points.slice(m.start, m.end).join('')).toBe(`@${m.username}`);
      expect((await getOk(tweet.id)).entities).toEqual(expected);
      const listed = await s.request({ url: '/api/v2/tweets?tweetedby=rp_dee' });
      expect((listed.json() as { tweets_list: Tweet[] }).tweets_list[0]!.entities).toEqual(expected);
      expect((await postedEvent(tweet.id))[0]!.data.entities).toEqual(expected);
    });

    it('a version 1 TweetPosted (no entities) gets entities parsed from its body', async () => {
      const eli = await s.signUp('rp_eli');
      const id = newId();
      const ctx = tweetsDb();
      await ctx.write((trx) =>
        appendToStream(trx, `tweet-${id}`, 0, [
          {
            type: 'TweetPosted',
            schemaVersion: 1,
            data: { tweet_id: id, author_id: eli.id, author_username: 'rp_eli', body: 'old #Tweet for @rp_eli' },
          },
        ]),
      );
      const tweet = await getOk(id);
      expect(tweet.entities).toEqual({
        hashtags: [{ tag: 'Tweet', start: 4, end: 10 }],
        mentions: [{ username: 'rp_eli', start: 15, end: 22 }],
      });
      expect(tweet).toMatchObject({ reply_count: 0, repost_count: 0 });
      expect(tweet).not.toHaveProperty('in_reply_to_id');
    });

    it('deleting a reply takes it from its parent’s reply_count; deleting the parent leaves its replies', async () => {
      const fay = await s.signUp('rp_fay');
      const gus = await s.signUp('rp_gus');
      const parent = await postOk(fay.token, 'parent');
      const first = await postOk(gus.token, 'first reply', parent.id);
      const second = await postOk(gus.token, 'second reply', parent.id);
      expect((await getOk(parent.id)).reply_count).toBe(2);
      await removeOk(gus.token, first.id);
      expect((await getOk(parent.id)).reply_count).toBe(1);
      // Deleting a deleted tweet is a 404 and counts nothing twice.
      expectProblem(await s.request({ method: 'DELETE', url: `/api/v2/tweets/${first.id}`, token: gus.token }), 404);
      expect((await getOk(parent.id)).reply_count).toBe(1);

      await removeOk(fay.token, parent.id);
      const orphan = await getOk(second.id);
      expect(orphan).toMatchObject({ in_reply_to_id: parent.id, in_reply_to_author_id: fay.id });
      // Fay still exists, so her username is still known.
      expect(orphan.in_reply_to_username).toBe('rp_fay');
      expectProblem(await s.request({ url: `/api/v2/tweets/${parent.id}` }), 404);
      // A reply to the deleted parent is refused; a reply to the orphan is fine.
      expectProblem(await post(gus.token, { body: 'late', in_reply_to_id: parent.id }), 400, ['in_reply_to_id']);
      const deeper = await postOk(fay.token, 'replying to the orphan', second.id);
      expect(deeper).toMatchObject({ in_reply_to_id: second.id, in_reply_to_username: 'rp_gus' });
      expect((await getOk(second.id)).reply_count).toBe(1);
    });

    it('in_reply_to_username is left out once the parent’s author is unknown (their account is gone)', async () => {
      const hal = await s.signUp('rp_hal');
      const ida = await s.signUp('rp_ida');
      const parent = await postOk(hal.token, 'from an account about to go');
      const reply = await postOk(ida.token, 'a reply that stays', parent.id);
      const gone = await s.request({ method: 'DELETE', url: `/api/v1/users/${hal.id}`, token: hal.token });
      expect(gone.statusCode, gone.body).toBe(204);
      await expect.poll(async () => (await s.request({ url: `/api/v2/tweets/${parent.id}` })).statusCode).toBe(404);
      const orphan = await getOk(reply.id);
      expect(orphan).toMatchObject({ in_reply_to_id: parent.id, in_reply_to_author_id: hal.id });
      expect(orphan).not.toHaveProperty('in_reply_to_username');
    });

    it('context: ancestors root first, descendants depth-first with siblings oldest first', async () => {
      const jo = await s.signUp('rp_jo');
      const kim = await s.signUp('rp_kim');
      const lu = await s.signUp('rp_lu');
      // root
      // ├── a
      // │   ├── a1
      // │   │   └── a1x
      // │   └── a2
      // ├── b
      // │   └── b1
      // └── c
      const root = await postOk(jo.token, 'root');
      const a = await postOk(kim.token, 'a', root.id);
      const b = await postOk(lu.token, 'b', root.id);
      const a1 = await postOk(jo.token, 'a1', a.id);
      const b1 = await postOk(kim.token, 'b1', b.id);
      const a2 = await postOk(lu.token, 'a2', a.id);
      const c = await postOk(kim.token, 'c', root.id);
      const a1x = await postOk(lu.token, 'a1x', a1.id);
      const unrelated = await postOk(jo.token, 'not in the thread');

      const whole = await contextOk(root.id);
      expect(whole.ancestors).toEqual([]);
      expect(whole.descendants.map((t) => t.body)).toEqual(['a', 'a1', 'a1x', 'a2', 'b', 'b1', 'c']);
      expect(whole.descendants.find((t) => t.id === a.id)).toMatchObject({
        reply_count: 2,
        in_reply_to_id: root.id,
        in_reply_to_username: 'rp_jo',
      });
      expect(whole.descendants[0]).not.toHaveProperty('liked');

      const fromA1 = await contextOk(a1.id, kim.token);
      expect(fromA1.ancestors.map((t) => t.body)).toEqual(['root', 'a']);
      expect(fromA1.descendants.map((t) => t.body)).toEqual(['a1x']);
      expect(fromA1.ancestors[0]).toMatchObject({ liked: false, reposted: false });

      const leaf = await contextOk(a1x.id);
      expect(leaf.ancestors.map((t) => t.id)).toEqual([root.id, a.id, a1.id]);
      expect(leaf.descendants).toEqual([]);
      expect((await contextOk(c.id)).ancestors.map((t) => t.id)).toEqual([root.id]);
      expect((await contextOk(b.id)).descendants.map((t) => t.id)).toEqual([b1.id]);
      expect(await contextOk(unrelated.id)).toEqual({ ancestors: [], descendants: [] });

      // Deleting a hides its subtree from root's context; the walk up from a1x stops at the gap.
      await removeOk(kim.token, a.id);
      expect((await contextOk(root.id)).descendants.map((t) => t.body)).toEqual(['b', 'b1', 'c']);
      const afterGap = await contextOk(a1x.id);
      expect(afterGap.ancestors.map((t) => t.body)).toEqual(['a1']);
      // "A reply to a deleted tweet": the first ancestor's parent 404s.
      expect(afterGap.ancestors[0]!.in_reply_to_id).toBe(a.id);
      expectProblem(await s.request({ url: `/api/v2/tweets/${a.id}` }), 404);
      expect((await getOk(root.id)).reply_count).toBe(2);
      expect(a2.id).toBeDefined();
    });

    it('context lists at most 500 descendants, the first 500 in conversation order', async () => {
      const ned = await s.signUp('rp_ned');
      const root = await postOk(ned.token, 'a very long thread');
      // 501 replies in one transaction, straight into the log: quicker than 501 requests.
      const ids = Array.from({ length: 501 }, () => newId());
      await tweetsDb().write(async (trx) => {
        for (const [i, id] of ids.entries()) {
          await appendToStream(trx, `tweet-${id}`, 0, [
            {
              type: 'TweetPosted',
              schemaVersion: 2,
              data: {
                tweet_id: id,
                author_id: ned.id,
                author_username: 'rp_ned',
                body: `reply ${i}`,
                entities: { hashtags: [], mentions: [] },
                in_reply_to_id: i % 2 === 0 ? root.id : ids[i - 1],
                in_reply_to_author_id: ned.id,
              },
            },
          ]);
        }
      });
      expect((await getOk(root.id)).reply_count).toBe(251);
      const { descendants } = await contextOk(root.id);
      expect(descendants).toHaveLength(500);
      // Each even reply answers the root and is followed by the odd reply answering it.
      expect(descendants.map((t) => t.id)).toEqual(ids.slice(0, 500));
    });

    it('context of an unknown or deleted tweet is 404', async () => {
      const max = await s.signUp('rp_max');
      expectProblem(await context(UNKNOWN), 404);
      const tweet = await postOk(max.token, 'brief');
      await removeOk(max.token, tweet.id);
      expectProblem(await context(tweet.id), 404);
    });
  },
  { timeout: 60_000 },
);
