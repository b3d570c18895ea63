import { expect, it } from 'vitest';
import { inEachStorageMode, useStarling } from '../support/starling.js';

inEachStorageMode('smoke', (mode) => {
  const s = useStarling(mode);

  it('signs up, tweets and lists', async () => {
    const alice = await s.signUp('alice');
    const posted = await s.request({ method: 'POST', url: '/api/v2/tweets', token: alice.token, json: { body: 'hi' } });
    expect(posted.statusCode).toBe(201);
    const list = await s.request({ url: '/api/v2/tweets' });
    expect(list.json().tweets_list.map((t: { body: string }) => t.body)).toEqual(['hi']);
  });
});
