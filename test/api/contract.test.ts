import { afterAll, beforeAll, expect, it } from 'vitest';
import { contractChecker } from '../support/contract.js';
import { inEachStorageMode, startStarling, type Starling, type RequestOptions } from '../support/starling.js';

/**
 * Every operation, called as a client would, answers with a status its contract
 * declares and a body that matches the declared schema.
 */
inEachStorageMode('responses match openapi.json', (mode) => {
  let s: Starling;
  let expectContract: ReturnType<typeof contractChecker>;
  const call = async (o: RequestOptions) => {
    const res = await s.request(o);
    expectContract(o.method ?? 'GET', o.url, res);
    return res;
  };

  beforeAll(async () => {
    s = await startStarling(mode);
    expectContract = contractChecker((await s.request({ url: '/openapi.json' })).json());
  });
  afterAll(async () => s?.close());

  it('the checker itself rejects an undeclared status and a body off the schema', () => {
    const fake = (statusCode: number, body: unknown) =>
      ({
        statusCode,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        json: () => body,
      }) as never;
    expect(() => expectContract('GET', '/api/v2/tweets/x', fake(200, { id: 'x' }))).toThrow();
    expect(() => expectContract('GET', '/api/v2/tweets/x', fake(418, {}))).toThrow();
    expect(() => expectContract('GET', '/api/v2/tweets', fake(200, { tweets_list: [] }))).not.toThrow();
  });

  it('identity operations', async () => {
    await call({ url: '/api/v1/info' });
    const created = await call({
      method: 'POST',
      url: '/api/v1/users',
      json: { username: 'contract_ada', email: 'ada@example.com', password: 'long enough', name: 'Ada' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await call({ method: 'POST', url: '/api/v1/users', json: { username: 'x' } });
    await call({
      method: 'POST',
      url: '/api/v1/users',
      json: { username: 'Contract_Ada', email: 'other@example.com', password: 'long enough' },
    });
    const login = await call({
      method: 'POST',
      url: '/api/v1/auth/login',
      json: { username: 'contract_ada', password: 'long enough' },
    });
    const token = login.json().access_token as string;
    await call({ method: 'POST', url: '/api/v1/auth/login', json: { username: 'contract_ada', password: 'wrong!!!' } });
    await call({ url: '/api/v1/users?limit=1' });
    await call({ url: '/api/v1/users?limit=0' });
    await call({ url: `/api/v1/users/${id}` });
    await call({ url: '/api/v1/users/nobody' });
    await call({ method: 'PUT', url: `/api/v1/users/${id}`, token, json: { name: 'Ada L.' } });
    await call({ method: 'PUT', url: `/api/v1/users/${id}`, json: { name: 'Anon' } });
    await call({
      method: 'PUT',
      url: `/api/v1/users/${id}`,
      token,
      headers: { 'if-match': '"1"' },
      json: { name: 'X' },
    });
    await call({ url: '/api/v1/auth/me', token });
    await call({ url: '/api/v1/auth/me' });
    await call({ url: '/api/v1/auth/jwks' });
    await call({ method: 'POST', url: '/api/v1/auth/logout', token });
    const again = await s.signUp('contract_bob');
    await call({ method: 'DELETE', url: '/api/v1/users', token: again.token, json: { username: 'contract_ada' } });
    await call({ method: 'DELETE', url: `/api/v1/users/${again.id}`, token: again.token });
  });

  it('tweets operations', async () => {
    const ada = await s.signUp('contract_tw');
    const posted = await call({ method: 'POST', url: '/api/v2/tweets', token: ada.token, json: { body: 'hello' } });
    expect(posted.statusCode).toBe(201);
    const id = posted.json().id as string;
    await call({ method: 'POST', url: '/api/v2/tweets', token: ada.token, json: { body: ' ' } });
    await call({ method: 'POST', url: '/api/v2/tweets', json: { body: 'anon' } });
    await call({ method: 'POST', url: '/api/v2/tweets', token: ada.token, json: { body: 'x', username: 'someone' } });
    await call({ url: '/api/v2/tweets?tweetedby=contract_tw&limit=1' });
    await call({ url: `/api/v2/tweets/${id}` });
    await call({ url: '/api/v2/tweets/none' });
    const liked = await call({ method: 'POST', url: `/api/v2/tweets/${id}/like`, token: ada.token });
    expect(liked.json()).toMatchObject({ like_count: 1, liked: true });
    await call({ method: 'POST', url: `/api/v2/tweets/${id}/like` });
    await call({ method: 'POST', url: '/api/v2/tweets/none/like', token: ada.token });
    await call({ url: `/api/v2/tweets?limit=1`, token: ada.token });
    await call({ url: `/api/v2/tweets/${id}`, token: ada.token });
    const likers = await call({ url: `/api/v2/tweets/${id}/liked_by?limit=1` });
    expect(likers.json().user_list).toHaveLength(1);
    await call({ url: `/api/v2/tweets/${id}/liked_by?cursor=x` });
    await call({ url: '/api/v2/tweets/none/liked_by' });
    const unliked = await call({ method: 'DELETE', url: `/api/v2/tweets/${id}/like`, token: ada.token });
    expect(unliked.json()).toMatchObject({ like_count: 0, liked: false });
    await call({ method: 'DELETE', url: `/api/v2/tweets/${id}/like` });
    await call({ method: 'DELETE', url: '/api/v2/tweets/none/like', token: ada.token });
    await call({ method: 'DELETE', url: `/api/v2/tweets/${id}`, token: ada.token, headers: { 'if-match': '"9"' } });
    await call({ method: 'DELETE', url: `/api/v2/tweets/${id}`, token: ada.token });
    await call({ method: 'DELETE', url: `/api/v2/tweets/${id}`, token: ada.token });
  });

  it('graph operations', async () => {
    const ada = await s.signUp('contract_gr_ada');
    const bob = await s.signUp('contract_gr_bob');
    const follow = await call({ method: 'POST', url: `/api/v1/users/${bob.id}/follow`, token: ada.token });
    expect(follow.statusCode).toBe(200);
    await call({ method: 'POST', url: `/api/v1/users/${bob.id}/follow`, token: bob.token });
    await call({ method: 'POST', url: '/api/v1/users/nobody/follow', token: ada.token });
    await call({ method: 'POST', url: `/api/v1/users/${bob.id}/follow` });
    await call({ method: 'POST', url: `/api/v1/users/${ada.id}/follow`, token: bob.token });
    const followers = await call({ url: `/api/v1/users/${bob.id}/followers?limit=1` });
    expect(followers.json().user_list).toHaveLength(1);
    await call({ url: `/api/v1/users/${bob.id}/followers?cursor=x` });
    await call({ url: '/api/v1/users/nobody/followers' });
    await call({ url: `/api/v1/users/${ada.id}/following` });
    await call({ url: `/api/v1/users/${ada.id}/following?limit=0` });
    await call({ url: '/api/v1/users/nobody/following' });
    const unfollow = await call({ method: 'DELETE', url: `/api/v1/users/${bob.id}/follow`, token: ada.token });
    expect(unfollow.statusCode).toBe(200);
    await call({ method: 'DELETE', url: `/api/v1/users/${ada.id}/follow`, token: ada.token });
    await call({ method: 'DELETE', url: '/api/v1/users/nobody/follow', token: ada.token });
    await call({ method: 'DELETE', url: `/api/v1/users/${bob.id}/follow` });
  });

  it('identity counts, relationships, bios and suggestions', async () => {
    const ada = await s.signUp('contract_so_ada');
    const bob = await s.signUp('contract_so_bob');
    await call({
      method: 'POST',
      url: '/api/v1/users',
      json: { username: 'contract_so_bio', email: 'so_bio@example.com', password: 'long enough', bio: 'Hi.' },
    });
    await call({ method: 'PUT', url: `/api/v1/users/${ada.id}`, token: ada.token, json: { bio: 'x'.repeat(161) } });
    await call({ method: 'POST', url: `/api/v1/users/${bob.id}/follow`, token: ada.token });
    const seen = await call({ url: `/api/v1/users/${bob.id}`, token: ada.token });
    expect(seen.json()).toMatchObject({ followers_count: 1, following: true, followed_by: false });
    await call({ url: '/api/v1/users/lookup?username=contract_so_bob', token: ada.token });
    await call({ url: '/api/v1/users?limit=5', token: ada.token });
    await call({ method: 'PUT', url: `/api/v1/users/${ada.id}`, token: ada.token, json: { bio: 'Counts things.' } });
    const suggested = await call({ url: '/api/v1/users/suggestions?limit=5', token: bob.token });
    expect(suggested.statusCode).toBe(200);
    await call({ url: '/api/v1/users/suggestions' });
    await call({ url: '/api/v1/users/suggestions?limit=0', token: bob.token });
  });
});
