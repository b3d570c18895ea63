import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modeIsAvailable, modeTitle, startStarling, storageModes, type Starling } from '../support/starling.js';

for (const mode of storageModes) {
  describe.skipIf(!modeIsAvailable(mode))(`smoke on ${modeTitle(mode)}`, () => {
    let s: Starling;
    beforeAll(async () => {
      s = await startStarling(mode);
    });
    afterAll(async () => s?.close());

    it('signs up, tweets and lists', async () => {
      const alice = await s.signUp('alice');
      const posted = await s.request({ method: 'POST', url: '/api/v2/tweets', token: alice.token, json: { body: 'hi' } });
      expect(posted.statusCode).toBe(201);
      const list = await s.request({ url: '/api/v2/tweets' });
      expect(list.json().tweets_list.map((t: { body: string }) => t.body)).toEqual(['hi']);
    });
  });
}
