import type { AddressInfo } from 'node:net';
import { createStarlingClient } from '@starling/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inEachStorageMode, PASSWORD, startStarling, type Starling } from '../support/starling.js';

// The SDK as a program uses it: over HTTP, with a bearer token, against a running Starling.
inEachStorageMode('the typed SDK', (mode) => {
  let s: Starling;
  let baseUrl: string;
  beforeAll(async () => {
    s = await startStarling(mode);
    await s.platform.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(s.platform.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => s?.close());

  it('signs up, logs in, posts and reads back through typed calls', async () => {
    const anonymous = createStarlingClient({ baseUrl });
    const created = await anonymous.POST('/api/v1/users', {
      body: { username: 'sdk_ada', email: 'sdk_ada@example.com', password: PASSWORD },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ username: 'sdk_ada', followers_count: 0 });

    const login = await anonymous.POST('/api/v1/auth/login', { body: { username: 'sdk_ada', password: PASSWORD } });
    expect(login.response.status).toBe(200);
    let token: string | undefined = login.data?.access_token;
    expect(token).toEqual(expect.any(String));

    // A token given as a function is read on every request: the client follows a new one.
    const ada = createStarlingClient({ baseUrl, token: () => token });
    const posted = await ada.POST('/api/v2/tweets', { body: { body: 'typed #sdk hello' } });
    expect(posted.response.status).toBe(201);
    const id = posted.data!.id;
    const read = await ada.GET('/api/v2/tweets/{id}', { params: { path: { id } } });
    expect(read.data).toMatchObject({ id, body: 'typed #sdk hello', tweetedby: 'sdk_ada', liked: false });
    expect(read.data?.entities.hashtags).toEqual([{ tag: 'sdk', start: 6, end: 10 }]);
    const me = await ada.GET('/api/v1/auth/me');
    expect(me.data).toMatchObject({ username: 'sdk_ada', tweets_count: 1 });

    token = undefined;
    const signedOut = await ada.GET('/api/v1/auth/me');
    expect(signedOut.response.status).toBe(401);
  });

  it('hands refusals back as the contract types them: a problem document, no data', async () => {
    const client = createStarlingClient({ baseUrl, token: 'not-a-token' });
    const refused = await client.POST('/api/v2/tweets', { body: { body: 'who am I?' } });
    expect(refused.data).toBeUndefined();
    expect(refused.response.status).toBe(401);
    expect(refused.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.error).toMatchObject({ status: 401, title: expect.any(String) });

    const missing = await createStarlingClient({ baseUrl }).GET('/api/v2/tweets/{id}', {
      params: { path: { id: '01HZZZZZZZZZZZZZZZZZZZZZZZ' } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ status: 404 });
  });

  it('pages with the query parameters the contract declares', async () => {
    const login = await createStarlingClient({ baseUrl }).POST('/api/v1/auth/login', {
      body: { username: 'sdk_ada', password: PASSWORD },
    });
    const ada = createStarlingClient({ baseUrl, token: login.data!.access_token });
    for (const body of ['one', 'two', 'three']) await ada.POST('/api/v2/tweets', { body: { body } });
    const first = await ada.GET('/api/v2/tweets', { params: { query: { tweetedby: 'sdk_ada', limit: 2 } } });
    expect(first.data?.tweets_list.map((t) => t.body)).toEqual(['three', 'two']);
    expect(first.response.headers.get('link')).toMatch(/rel="next"/);
  });
});
