import type { SearchUser, Tweet } from '@starling/sdk';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { contractChecker } from '../support/contract.js';
import { expectProblem, nextLink } from '../support/assertions.js';
import { inEachStorageMode, useStarling, type RequestOptions } from '../support/starling.js';

inEachStorageMode('search API v2', (mode) => {
  const s = useStarling(mode);
  let expectContract: ReturnType<typeof contractChecker>;

  beforeAll(async () => {
    expectContract = contractChecker((await s.request({ url: '/openapi.json' })).json());
  });

  /** Every search request is checked against the published contract. */
  const call = async (o: RequestOptions) => {
    const res = await s.request(o);
    expectContract(o.method ?? 'GET', o.url, res);
    return res;
  };
  const searchUrl = (q: string, query: Record<string, string> = {}) =>
    `/api/v2/search?${new URLSearchParams({ q, ...query }).toString()}`;
  const searchTweets = async (q: string, query: Record<string, string> = {}, token?: string) => {
    const res = await call({ url: searchUrl(q, query), ...(token ? { token } : {}) });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { tweets_list: Tweet[] }).tweets_list;
  };
  const bodies = async (q: string) => (await searchTweets(q)).map((t) => t.body);
  const searchUsers = async (q: string) => {
    const res = await call({ url: searchUrl(q, { type: 'users' }) });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { user_list: SearchUser[] }).user_list;
  };
  const usernames = async (q: string) => (await searchUsers(q)).map((u) => u.username);

  const signUp = async (username: string, profile: { name?: string; bio?: string } = {}) => {
    const password = 'correct horse battery';
    const created = await s.request({
      method: 'POST',
      url: '/api/v1/users',
      json: { username, email: `${username}@example.com`, password, ...profile },
    });
    expect(created.statusCode, created.body).toBe(201);
    const login = await s.request({ method: 'POST', url: '/api/v1/auth/login', json: { username, password } });
    expect(login.statusCode, login.body).toBe(200);
    return { id: created.json().id as string, token: login.json().access_token as string, username };
  };
  const post = async (token: string, body: string) => {
    const res = await s.request({ method: 'POST', url: '/api/v2/tweets', token, json: { body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Tweet;
  };

  it('finds whole words and prefixes of words, not the middle of one', async () => {
    const ada = await signUp('sr_prefix');
    await post(ada.token, 'Starling takes flight');
    expect(await bodies('star')).toEqual(['Starling takes flight']);
    expect(await bodies('starling')).toEqual(['Starling takes flight']);
    expect(await bodies('Flight')).toEqual(['Starling takes flight']);
    expect(await bodies('tak fli')).toEqual(['Starling takes flight']);
    expect(await bodies('ling')).toEqual([]);
    expect(await bodies('starlings')).toEqual([]);
  });

  it('ignores case and accents, both ways', async () => {
    const ada = await signUp('sr_accents');
    await post(ada.token, 'Un Café à Kwazulu');
    await post(ada.token, 'the kwazulu cafe');
    const both = ['the kwazulu cafe', 'Un Café à Kwazulu'];
    expect((await bodies('cafe kwazulu')).sort()).toEqual([...both].sort());
    expect((await bodies('CAFÉ KWAZULU')).sort()).toEqual([...both].sort());
    expect((await bodies('cafe\u0301 a kwazulu')).sort()).toEqual(['Un Café à Kwazulu']);

    await signUp('sr_zoe', { name: 'Zoë Müller' });
    expect(await usernames('zoe muller')).toEqual(['sr_zoe']);
    expect(await usernames('ZOË MÜLL')).toEqual(['sr_zoe']);
    expect(await usernames('SR_ZOE')).toEqual(['sr_zoe']);
  });

  it('requires every word to match', async () => {
    const ada = await signUp('sr_and');
    await post(ada.token, 'quokka apple');
    await post(ada.token, 'quokka banana');
    await post(ada.token, 'banana apple quokka');
    expect((await bodies('quokka banana')).sort()).toEqual(['banana apple quokka', 'quokka banana']);
    expect(await bodies('quokka banana apple')).toEqual(['banana apple quokka']);
    expect(await bodies('quokka cherry')).toEqual([]);
  });

  it('ranks a username or name match above a bio match, and an equal match newest first', async () => {
    // The bio match signs up last, so it would come first if only recency counted.
    await signUp('marmoset');
    await signUp('sr_named', { name: 'Mia Marmoset' });
    await signUp('sr_keeper', { bio: 'I keep a marmoset' });
    // `marmoset` matches twice (username, and name, which defaults to it), `sr_named` once.
    expect(await usernames('marmoset')).toEqual(['marmoset', 'sr_named', 'sr_keeper']);
    const found = await searchUsers('keep marmoset');
    expect(found).toEqual([
      { id: expect.any(String), username: 'sr_keeper', name: 'sr_keeper', bio: 'I keep a marmoset' },
    ]);
    expect((await searchUsers('marmoset')).find((u) => u.username === 'marmoset')).not.toHaveProperty('bio');
  });

  it('ranks tweets with more of the words first, then the newest', async () => {
    const ada = await signUp('sr_rank');
    const many = await post(ada.token, 'narwhal here, narwhal there, #narwhal everywhere');
    const one = await post(ada.token, 'I saw a narwhal once');
    const older = await post(ada.token, 'ibex one');
    const newer = await post(ada.token, 'ibex two');
    expect((await searchTweets('narwhal')).map((t) => t.id)).toEqual([many.id, one.id]);
    expect((await searchTweets('ibex')).map((t) => t.id)).toEqual([newer.id, older.id]);
  });

  it('finds hashtags and mentions', async () => {
    const ada = await signUp('sr_tags');
    const target = await signUp('sr_mentioned');
    await post(ada.token, 'Loving the #Rustacean life with #big_cats');
    await post(ada.token, `hello @${target.username}, how are you`);
    expect(await bodies('#rustacean')).toEqual(['Loving the #Rustacean life with #big_cats']);
    expect(await bodies('RUSTACEAN')).toEqual(['Loving the #Rustacean life with #big_cats']);
    expect(await bodies('#bigcats')).toEqual(['Loving the #Rustacean life with #big_cats']);
    expect(await bodies('big cats')).toEqual(['Loving the #Rustacean life with #big_cats']);
    expect(await bodies('@sr_mentioned')).toEqual(['hello @sr_mentioned, how are you']);
    expect(await bodies('srmention')).toEqual(['hello @sr_mentioned, how are you']);
  });

  it('follows profile changes', async () => {
    const ada = await signUp('sr_profile', { name: 'Old Name', bio: 'likes axolotls' });
    expect(await usernames('axolotl')).toEqual(['sr_profile']);
    const put = await s.request({
      method: 'PUT',
      url: `/api/v1/users/${ada.id}`,
      token: ada.token,
      json: { name: 'Brand Newname', bio: 'likes capybaras' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await usernames('axolotl')).toEqual([]);
    expect(await usernames('old name')).toEqual([]);
    expect(await usernames('capybara')).toEqual(['sr_profile']);
    expect(await searchUsers('newname')).toEqual([
      { id: ada.id, username: 'sr_profile', name: 'Brand Newname', bio: 'likes capybaras' },
    ]);
    const cleared = await s.request({
      method: 'PUT',
      url: `/api/v1/users/${ada.id}`,
      token: ada.token,
      json: { bio: '' },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(await usernames('capybara')).toEqual([]);
    expect(await searchUsers('newname')).toEqual([{ id: ada.id, username: 'sr_profile', name: 'Brand Newname' }]);
  });

  it('forgets deleted tweets and deleted accounts with their tweets', async () => {
    const ada = await signUp('sr_gone');
    const kept = await post(ada.token, 'pangolin kept');
    const doomed = await post(ada.token, 'pangolin deleted');
    expect((await searchTweets('pangolin')).length).toBe(2);
    const del = await s.request({ method: 'DELETE', url: `/api/v2/tweets/${doomed.id}`, token: ada.token });
    expect(del.statusCode, del.body).toBe(204);
    expect((await searchTweets('pangolin')).map((t) => t.id)).toEqual([kept.id]);

    const cy = await signUp('sr_leaving', { bio: 'pangolin fan' });
    await post(cy.token, 'pangolin from a leaver');
    expect(await usernames('pangolin')).toEqual(['sr_leaving']);
    const gone = await s.request({ method: 'DELETE', url: `/api/v1/users/${cy.id}`, token: cy.token });
    expect(gone.statusCode, gone.body).toBe(204);
    expect(await usernames('pangolin')).toEqual([]);
    expect(await usernames('sr_leaving')).toEqual([]);
    expect((await searchTweets('pangolin')).map((t) => t.id)).toEqual([kept.id]);
  });

  it('pages by cursor without duplicates or gaps, best match first', async () => {
    const ada = await signUp('sr_pages');
    const posted: string[] = [];
    // Three different ranks, several tweets on each.
    for (let i = 0; i < 23; i++) {
      const body = i % 3 === 0 ? `wombat ${i}` : i % 3 === 1 ? `wombat wombat ${i}` : `#wombat wombat ${i}`;
      posted.push((await post(ada.token, body)).id);
    }
    const all = (await searchTweets('wombat', { limit: '100' })).map((t) => t.id);
    expect([...all].sort()).toEqual([...posted].sort());

    const seen: string[] = [];
    let url: string | undefined = searchUrl('wombat', { limit: '5' });
    let pages = 0;
    while (url) {
      const res = await call({ url });
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...(res.json() as { tweets_list: Tweet[] }).tweets_list.map((t) => t.id));
      url = nextLink(res);
      if (url) expect(url).toContain('q=wombat');
      pages++;
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(all);

    // A tweet posted mid-way is no reason to repeat or skip.
    const first = await call({ url: searchUrl('wombat', { limit: '10' }) });
    await post(ada.token, 'wombat late');
    const rest: string[] = [];
    let next = nextLink(first);
    while (next) {
      const res = await call({ url: next });
      rest.push(...(res.json() as { tweets_list: Tweet[] }).tweets_list.map((t) => t.id));
      next = nextLink(res);
    }
    const firstIds = (first.json() as { tweets_list: Tweet[] }).tweets_list.map((t) => t.id);
    expect(new Set([...firstIds, ...rest]).size).toBe(firstIds.length + rest.length);
    expect([...firstIds, ...rest].filter((id) => posted.includes(id)).sort()).toEqual([...posted].sort());

    // Users page the same way.
    for (let i = 0; i < 5; i++) await signUp(`sr_lemur${i}`, i % 2 ? { bio: 'lemur' } : {});
    const users: string[] = [];
    let page: string | undefined = searchUrl('lemur', { type: 'users', limit: '2' });
    while (page) {
      const res = await call({ url: page });
      users.push(...(res.json() as { user_list: SearchUser[] }).user_list.map((u) => u.username));
      page = nextLink(res);
      if (page) expect(page).toContain('type=users');
    }
    expect(users).toEqual(await usernames('lemur'));
    expect([...users].sort()).toEqual(['sr_lemur0', 'sr_lemur1', 'sr_lemur2', 'sr_lemur3', 'sr_lemur4']);
  });

  it('is public; with a token tweets say whether the caller likes and reposts them', async () => {
    const ada = await signUp('sr_viewer');
    const bob = await signUp('sr_viewer_b');
    const tweet = await post(ada.token, 'okapi sighting');
    expect(
      (await s.request({ method: 'POST', url: `/api/v2/tweets/${tweet.id}/like`, token: bob.token })).statusCode,
    ).toBe(200);
    const [anonymous] = await searchTweets('okapi');
    expect(anonymous).toMatchObject({ id: tweet.id, body: 'okapi sighting', like_count: 1 });
    expect(anonymous).not.toHaveProperty('liked');
    expect(anonymous).not.toHaveProperty('reposted');
    expect((await searchTweets('okapi', {}, bob.token))[0]).toMatchObject({ liked: true, reposted: false });
    expect((await searchTweets('okapi', {}, ada.token))[0]).toMatchObject({ liked: false, reposted: false });
    const bad = await call({ url: searchUrl('okapi'), headers: { authorization: 'Bearer nonsense' } });
    expectProblem(bad, 401);
  });

  it('refuses an empty, blank or over-long q, an unknown type, a bad limit or cursor', async () => {
    const problem = async (url: string, field: string) => expectProblem(await call({ url }), 400, [field]);
    await problem('/api/v2/search', 'q');
    await problem('/api/v2/search?q=', 'q');
    await problem(searchUrl('   \t  '), 'q');
    await problem(searchUrl('x'.repeat(201)), 'q');
    await problem(searchUrl('star', { type: 'people' }), 'type');
    await problem(searchUrl('star', { limit: '0' }), 'limit');
    await problem(searchUrl('star', { cursor: 'garbage' }), 'cursor');
    await problem(
      searchUrl('star', { cursor: Buffer.from(JSON.stringify({ k: 'x|y' })).toString('base64url') }),
      'cursor',
    );
    // 200 characters once trimmed is fine, and so is q with no word in it.
    expect((await call({ url: searchUrl(`  ${'x'.repeat(200)}  `) })).statusCode).toBe(200);
    expect(await searchTweets('!!! ...')).toEqual([]);
    expect(await searchUsers('🐦')).toEqual([]);
  });

  it('answers injection-looking input safely, as plain words', async () => {
    const ada = await signUp('sr_inject');
    await post(ada.token, 'drop table tennis is a sport');
    await post(ada.token, 'alpha beta charlie');
    for (const type of ['tweets', 'users']) {
      for (const q of [
        `'); drop table search_tweets; --`,
        `a & b | !c:*`,
        String.raw`\' '' \\ " :* <-> ( ) !`,
        `x' or '1'='1`,
        `%_ \\`,
      ]) {
        const res = await call({ url: searchUrl(q, { type }) });
        expect(res.statusCode, `${type} ${q}: ${res.body}`).toBe(200);
      }
      // A NUL is no word: text that PostgreSQL cannot hold is refused before any SQL runs.
      expectProblem(await call({ url: searchUrl(`%_ \u0000`, { type }) }), 400, ['q']);
    }
    expect(await bodies(`'); drop table`)).toEqual(['drop table tennis is a sport']);
    expect(await bodies('al & be | !ch:*')).toEqual(['alpha beta charlie']);
    expect(await bodies('alpha | zulu')).toEqual([]);
    const db = s.platform.contexts.find((c) => c.name === 'timeline')!.db;
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from search_tweets`.execute(db);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
