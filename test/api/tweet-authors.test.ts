import { expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { inEachStorageMode, useStarling } from '../support/starling.js';

inEachStorageMode('authors on tweets and user lookup', (mode) => {
  const s = useStarling(mode);

  it('shows the author’s display name on tweets, and follows a name change', async () => {
    const created = await s.request({
      method: 'POST',
      url: '/api/v1/users',
      json: { username: 'named_ada', email: 'named_ada@example.com', password: 'long enough', name: 'Ada Lovelace' },
    });
    const login = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      json: { username: 'named_ada', password: 'long enough' },
    });
    const token = login.json().access_token as string;
    const posted = await s.request({ method: 'POST', url: '/api/v2/tweets', token, json: { body: 'Notes' } });
    expect(posted.json()).toMatchObject({ tweetedby: 'named_ada', author_name: 'Ada Lovelace' });

    const id = created.json().id as string;
    await s.request({ method: 'PUT', url: `/api/v1/users/${id}`, token, json: { name: 'Countess Ada' } });
    const list = await s.request({ url: '/api/v2/tweets?tweetedby=named_ada' });
    expect(list.json().tweets_list.map((t: { author_name: string }) => t.author_name)).toEqual(['Countess Ada']);
    const one = await s.request({ url: `/api/v2/tweets/${posted.json().id}` });
    expect(one.json().author_name).toBe('Countess Ada');
  });

  it('finds a user by username, case-insensitively, or answers 404', async () => {
    const bo = await s.signUp('Lookup_Bo');
    const found = await s.request({ url: '/api/v1/users/lookup?username=lookup_bo' });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({ id: bo.id, username: 'Lookup_Bo' });
    expect(found.json().email).toBeUndefined();
    expect(found.headers.etag).toBe('"1"');
    expectProblem(await s.request({ url: '/api/v1/users/lookup?username=nobody_here' }), 404);
    expectProblem(await s.request({ url: '/api/v1/users/lookup' }), 400, ['username']);
  });
});
