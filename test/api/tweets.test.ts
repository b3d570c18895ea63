import type { Tweet } from '@starling/sdk';
import { expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';

/** The tweet as an anonymous caller sees it: without `liked` and `reposted`. */
const anonymously = ({ liked: _liked, reposted: _reposted, ...tweet }: Tweet): Tweet => tweet;

inEachStorageMode('tweets API v2', (mode) => {
  const s = useStarling(mode);

  const post = (token: string | undefined, json: unknown) =>
    s.request({ method: 'POST', url: '/api/v2/tweets', json, ...(token ? { token } : {}) });
  const list = async (query = '') => {
    const res = await s.request({ url: `/api/v2/tweets?limit=100${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { tweets_list: Tweet[] }).tweets_list;
  };
  const byAuthor = (username: string) => list(`&tweetedby=${encodeURIComponent(username)}`);
  const postOk = async (token: string, body: string) => {
    const res = await post(token, { body });
    expect(res.statusCode, res.body).toBe(201);
    const tweet = res.json() as Tweet;
    expect(tweet.liked).toBe(false);
    return anonymously(tweet);
  };

  it('posts as the caller: 201 with Location, ETag and the tweet', async () => {
    const ada = await s.signUp('tw_ada');
    const res = await post(ada.token, { body: 'Hello, Starling' });
    expect(res.statusCode, res.body).toBe(201);
    const tweet = res.json() as Tweet;
    expect(tweet).toEqual({
      id: expect.any(String),
      body: 'Hello, Starling',
      tweetedby: 'tw_ada',
      author_id: ada.id,
      author_name: 'tw_ada',
      timestamp: expect.any(String),
      like_count: 0,
      repost_count: 0,
      reply_count: 0,
      entities: { hashtags: [], mentions: [] },
      media_attachments: [],
      liked: false,
      reposted: false,
    });
    expect(new Date(tweet.timestamp).toISOString()).toBe(tweet.timestamp);
    expect(res.headers.location).toBe(`/api/v2/tweets/${tweet.id}`);
    expect(res.headers.etag).toMatch(/^(W\/)?"[^"]+"$/);

    const fetched = await s.request({ url: res.headers.location as string });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json()).toEqual(anonymously(tweet));
    const mine = await s.request({ url: res.headers.location as string, token: ada.token });
    expect(mine.json()).toEqual(tweet);
    // The author sees what posting answered, so the same ETag; anyone else sees no `liked`.
    expect(mine.headers.etag).toBe(res.headers.etag);
    expect(fetched.headers.etag).not.toBe(res.headers.etag);
  });

  it('refuses to post without a valid token (401) and posts nothing', async () => {
    expectProblem(await post(undefined, { body: 'anonymous tweet' }), 401);
    expectProblem(await post('not-a-token', { body: 'anonymous tweet' }), 401);
    expect((await list()).map((t) => t.body)).not.toContain('anonymous tweet');
  });

  it('trims the body and accepts 1 to 280 characters', async () => {
    const bea = await s.signUp('tw_bea');
    expect((await postOk(bea.token, '  \n padded\t ')).body).toBe('padded');
    expect((await postOk(bea.token, 'x')).body).toBe('x');
    expect((await postOk(bea.token, 'a'.repeat(280))).body).toBe('a'.repeat(280));
    // Surrounding whitespace does not count towards the limit.
    expect((await postOk(bea.token, `  ${'b'.repeat(280)}  `)).body).toBe('b'.repeat(280));
  });

  it('refuses 281 characters, empty and whitespace-only bodies with 400 naming body', async () => {
    const cy = await s.signUp('tw_cy');
    for (const body of ['c'.repeat(281), '', '   ', ' \n\t ']) {
      expectProblem(await post(cy.token, { body }), 400, ['body']);
    }
    expectProblem(await post(cy.token, {}), 400, ['body']);
    // JSON carries its own types: a number is not quietly turned into the text "42".
    for (const body of [42, true, ['x'], null]) expectProblem(await post(cy.token, { body }), 400, ['body']);
    expect(await byAuthor('tw_cy')).toEqual([]);
  });

  it('counts characters as code points: 280 emoji fit, 281 do not', async () => {
    const dee = await s.signUp('tw_dee');
    const emoji = '🐦'.repeat(280);
    expect(emoji.length).toBe(560); // UTF-16 units: a length check on them would refuse this
    expect((await postOk(dee.token, emoji)).body).toBe(emoji);
    expectProblem(await post(dee.token, { body: '🐦'.repeat(281) }), 400, ['body']);
    expect((await byAuthor('tw_dee')).map((t) => t.body)).toEqual([emoji]);
  });

  it('refuses a username naming someone else (403) and posts nothing', async () => {
    const eve = await s.signUp('tw_eve');
    await s.signUp('tw_fay');
    expectProblem(await post(eve.token, { body: 'I am fay', username: 'tw_fay' }), 403);
    expect(await byAuthor('tw_fay')).toEqual([]);
    expect(await byAuthor('tw_eve')).toEqual([]);
  });

  it('accepts the caller’s own username, in any case', async () => {
    const gus = await s.signUp('tw_gus');
    const res = await post(gus.token, { body: 'as myself', username: 'TW_Gus' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ tweetedby: 'tw_gus', author_id: gus.id, body: 'as myself' });
  });

  it('refuses an unknown field with 400 naming it', async () => {
    const hal = await s.signUp('tw_hal');
    expectProblem(await post(hal.token, { body: 'hi', mood: 'happy' }), 400, ['mood']);
    expect(await byAuthor('tw_hal')).toEqual([]);
  });

  it('lists tweets newest first', async () => {
    const ivy = await s.signUp('tw_ivy');
    const posted = [];
    for (const body of ['first', 'second', 'third']) posted.push(await postOk(ivy.token, body));
    const all = await list();
    const mine = all.filter((t) => t.author_id === ivy.id);
    expect(mine.map((t) => t.body)).toEqual(['third', 'second', 'first']);
    expect(mine.map((t) => t.id)).toEqual(posted.map((t) => t.id).reverse());
    const times = all.map((t) => Date.parse(t.timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters by ?tweetedby=<username>, case-insensitively', async () => {
    const jo = await s.signUp('Tw_Jo');
    const kim = await s.signUp('tw_kim');
    await postOk(jo.token, 'from jo');
    await postOk(kim.token, 'from kim');
    for (const name of ['Tw_Jo', 'tw_jo', 'TW_JO']) {
      const tweets = await byAuthor(name);
      expect(tweets.map((t) => [t.tweetedby, t.body])).toEqual([['Tw_Jo', 'from jo']]);
    }
    expect(await byAuthor('tw_nobody')).toEqual([]);
  });

  it('GET /api/v2/tweets/{id}: the tweet, or 404 problem for an unknown id', async () => {
    const lou = await s.signUp('tw_lou');
    const tweet = await postOk(lou.token, 'findable');
    const res = await s.request({ url: `/api/v2/tweets/${tweet.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(tweet);
    expectProblem(await s.request({ url: '/api/v2/tweets/01HZZZZZZZZZZZZZZZZZZZZZZZ' }), 404);
  });

  it('answers 304 to If-None-Match with the current ETag, 200 to another', async () => {
    const max = await s.signUp('tw_max');
    const tweet = await postOk(max.token, 'cache me');
    const first = await s.request({ url: `/api/v2/tweets/${tweet.id}` });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
    const cached = await s.request({ url: `/api/v2/tweets/${tweet.id}`, headers: { 'if-none-match': etag } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
    expect(cached.headers.etag).toBe(etag);
    const other = await s.request({ url: `/api/v2/tweets/${tweet.id}`, headers: { 'if-none-match': '"999"' } });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual(tweet);
  });

  it('never answers 304 with counts or a like that changed since the ETag', async () => {
    const nan = await s.signUp('tw_nan');
    const oz = await s.signUp('tw_oz');
    const tweet = await postOk(nan.token, 'count me');
    const url = `/api/v2/tweets/${tweet.id}`;
    const before = await s.request({ url, token: oz.token });
    const etag = before.headers.etag as string;
    expect((await s.request({ url, token: oz.token, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect((await s.request({ method: 'POST', url: `${url}/like`, token: oz.token })).statusCode).toBe(200);
    const after = await s.request({ url, token: oz.token, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ like_count: 1, liked: true });
    expect(after.headers.etag).not.toBe(etag);
    // If-Match guards the tweet itself: the older tag still deletes it.
    const removed = await s.request({ method: 'DELETE', url, token: nan.token, headers: { 'if-match': etag } });
    expect(removed.statusCode).toBe(204);
  });

  it('DELETE by its author: 204, then 404 and gone from every list', async () => {
    const ned = await s.signUp('tw_ned');
    const keep = await postOk(ned.token, 'keep me');
    const gone = await postOk(ned.token, 'delete me');
    const res = await s.request({ method: 'DELETE', url: `/api/v2/tweets/${gone.id}`, token: ned.token });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await s.request({ url: `/api/v2/tweets/${gone.id}` }), 404);
    expect((await list()).map((t) => t.id)).not.toContain(gone.id);
    expect((await byAuthor('tw_ned')).map((t) => t.id)).toEqual([keep.id]);
    expectProblem(await s.request({ method: 'DELETE', url: `/api/v2/tweets/${gone.id}`, token: ned.token }), 404);
  });

  it('DELETE by another user is 403, anonymous is 401, and the tweet stays', async () => {
    const ola = await s.signUp('tw_ola');
    const pat = await s.signUp('tw_pat');
    const tweet = await postOk(ola.token, 'mine, not yours');
    expectProblem(await s.request({ method: 'DELETE', url: `/api/v2/tweets/${tweet.id}`, token: pat.token }), 403);
    expectProblem(await s.request({ method: 'DELETE', url: `/api/v2/tweets/${tweet.id}` }), 401);
    expect((await s.request({ url: `/api/v2/tweets/${tweet.id}` })).statusCode).toBe(200);
    expect((await byAuthor('tw_ola')).map((t) => t.id)).toEqual([tweet.id]);
  });

  it('DELETE of an unknown tweet is 404', async () => {
    const quin = await s.signUp('tw_quin');
    const res = await s.request({
      method: 'DELETE',
      url: '/api/v2/tweets/01HZZZZZZZZZZZZZZZZZZZZZZZ',
      token: quin.token,
    });
    expectProblem(res, 404);
  });

  it('DELETE with a stale If-Match is 412 and changes nothing; the current ETag deletes', async () => {
    const rae = await s.signUp('tw_rae');
    const tweet = await postOk(rae.token, 'guarded');
    const url = `/api/v2/tweets/${tweet.id}`;
    const etag = (await s.request({ url })).headers.etag as string;
    for (const stale of ['"999"', '"0"', 'W/"not-ours"']) {
      const res = await s.request({ method: 'DELETE', url, token: rae.token, headers: { 'if-match': stale } });
      expectProblem(res, 412);
      expect((await s.request({ url })).statusCode).toBe(200);
    }
    const res = await s.request({ method: 'DELETE', url, token: rae.token, headers: { 'if-match': etag } });
    expect(res.statusCode).toBe(204);
    expectProblem(await s.request({ url }), 404);
  });

  it('returns markup in a body verbatim, as JSON text', async () => {
    const sam = await s.signUp('tw_sam');
    const body = '<script>alert(1)</script>';
    const tweet = await postOk(sam.token, body);
    expect(tweet.body).toBe(body);
    for (const url of [`/api/v2/tweets/${tweet.id}`, '/api/v2/tweets?tweetedby=tw_sam']) {
      const res = await s.request({ url });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.stringify(res.json())).toContain(JSON.stringify(body).slice(1, -1));
    }
    expect((await byAuthor('tw_sam'))[0]!.body).toBe(body);
  });
});
