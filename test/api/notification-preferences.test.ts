import { beforeAll, expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { contractChecker } from '../support/contract.js';
import { inEachStorageMode, useStarling, type RequestOptions } from '../support/starling.js';

inEachStorageMode('notification email preferences', (mode) => {
  const started = useStarling(mode);
  let expectContract: ReturnType<typeof contractChecker>;
  beforeAll(async () => {
    expectContract = contractChecker((await started.request({ url: '/openapi.json' })).json());
  });
  // Every answer is also checked against the contract.
  const s = {
    signUp: (username: string) => started.signUp(username),
    async request(o: RequestOptions) {
      const res = await started.request(o);
      expectContract(o.method ?? 'GET', o.url, res);
      return res;
    },
  };
  const url = '/api/v2/notifications/preferences';

  it('starts from the defaults, with the stream version as the ETag', async () => {
    const ada = await s.signUp('np_ada');
    const res = await s.request({ url, token: ada.token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      email: { follow: 'immediate', mention: 'immediate', reply: 'immediate', like: 'off', repost: 'off' },
    });
    expect(res.headers.etag).toBe('"0"');
  });

  it('changes the types named and keeps the others, refusing a stale If-Match', async () => {
    const bob = await s.signUp('np_bob');
    const put = await s.request({
      method: 'PUT',
      url,
      token: bob.token,
      headers: { 'if-match': '"0"' },
      json: { email: { like: 'digest', follow: 'off' } },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().email).toEqual({
      follow: 'off',
      mention: 'immediate',
      reply: 'immediate',
      like: 'digest',
      repost: 'off',
    });
    expect(put.headers.etag).toBe('"1"');

    const stale = await s.request({
      method: 'PUT',
      url,
      token: bob.token,
      headers: { 'if-match': '"0"' },
      json: { email: { repost: 'immediate' } },
    });
    expectProblem(stale, 412);

    const read = await s.request({ url, token: bob.token });
    expect(read.json().email).toMatchObject({ follow: 'off', like: 'digest', repost: 'off' });
    expect(read.headers.etag).toBe('"1"');

    // Asking for what is already so changes nothing, not even the version.
    const same = await s.request({ method: 'PUT', url, token: bob.token, json: { email: { like: 'digest' } } });
    expect(same.statusCode).toBe(200);
    expect(same.headers.etag).toBe('"1"');
  });

  it('keeps each account’s preferences to itself', async () => {
    const cat = await s.signUp('np_cat');
    const dan = await s.signUp('np_dan');
    await s.request({ method: 'PUT', url, token: cat.token, json: { email: { mention: 'off' } } });
    const res = await s.request({ url, token: dan.token });
    expect(res.json().email.mention).toBe('immediate');
  });

  it('refuses a setting or type it does not know, and an anonymous caller', async () => {
    const eve = await s.signUp('np_eve');
    const badSetting = await s.request({ method: 'PUT', url, token: eve.token, json: { email: { like: 'hourly' } } });
    expectProblem(badSetting, 400);
    expect(badSetting.body).toContain('like');
    const badType = await s.request({ method: 'PUT', url, token: eve.token, json: { email: { poke: 'off' } } });
    expectProblem(badType, 400);
    expect(badType.body).toContain('poke');
    expectProblem(await s.request({ url }), 401);
    expectProblem(await s.request({ method: 'PUT', url, json: { email: { like: 'off' } } }), 401);
    const read = await s.request({ url, token: eve.token });
    expect(read.json().email.like).toBe('off');
    expect(read.headers.etag).toBe('"0"');
  });
});
