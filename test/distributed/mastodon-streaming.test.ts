import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killStarlings } from '../support/process.js';
import { createDatabase, natsNamespace, PASSWORD } from '../support/starling.js';
import { startTopology, type Topology } from '../support/topology.js';
import { openStreamingSocket, refusedUpgrade } from '../support/websocket.js';

/*
 * Mastodon's streaming API in the distributed mode: the WebSocket goes through the
 * gateway to the mastodon service, which follows the tweets and graph services' events
 * from JetStream, and sees what another user posted through another service's process.
 */
const missing =
  (!process.env.DATABASE_URL && 'DATABASE_URL is not set') || (!process.env.NATS_URL && 'NATS_URL is not set');
const title = missing ? `Mastodon streaming, distributed (skipped: ${missing})` : 'Mastodon streaming, distributed';

describe.skipIf(!!missing)(title, { timeout: 180_000 }, () => {
  let t: Topology;
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let bus: ReturnType<typeof natsNamespace>;

  beforeAll(async () => {
    database = await createDatabase();
    bus = natsNamespace();
    t = await startTopology({
      ...bus.env,
      DATABASE_URL: database.url,
      LOGIN_RATE_LIMIT: '1000/60',
      SIGNUP_RATE_LIMIT: '100000/60',
      GATEWAY_RATE_LIMIT: '1000000/60',
    });
  }, 150_000);

  afterAll(async () => {
    await t?.stop();
    killStarlings();
    await database?.drop();
    await bus?.drop();
  });

  const signUp = async (username: string) => {
    const json = { username, email: `${username}@example.com`, password: PASSWORD };
    const created = await t.api('/api/v1/users', { method: 'POST', json });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    const login = await t.api('/api/v1/auth/login', { method: 'POST', json: { username, password: PASSWORD } });
    return { id, token: ((await login.json()) as { access_token: string }).access_token };
  };

  it("shows a followed user's post on the user stream and everyone's on the public one, through the gateway", async () => {
    const ada = await signUp('ds_ada');
    const bob = await signUp('ds_bob');
    const ws = `${t.base.replace(/^http/, 'ws')}/api/v1/streaming`;
    expect(await refusedUpgrade(`${ws}?stream=public&access_token=nope`)).toBe(401);

    // Graph learns of bob's account from identity's events: the follow waits for that.
    for (let i = 0; ; i++) {
      const res = await t.api(`/api/v1/users/${bob.id}/follow`, { method: 'POST', token: ada.token });
      if (res.status === 200) break;
      expect(i, await res.text()).toBeLessThan(100);
      await new Promise((r) => setTimeout(r, 100));
    }
    const socket = await openStreamingSocket(`${ws}?stream=user&access_token=${ada.token}`);
    socket.send({ type: 'subscribe', stream: 'public' });
    await socket.settled();

    const posted = await t.api('/api/v2/tweets', {
      method: 'POST',
      token: bob.token,
      json: { body: 'hello from bob' },
    });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: string };
    for (const stream of ['user', 'public']) {
      const update = await socket.next(
        (m) => m.event === 'update' && m.stream?.[0] === stream && JSON.parse(m.payload!).id === id,
      );
      expect(JSON.parse(update.payload!)).toMatchObject({ id, account: { id: bob.id } });
    }
    socket.close();
  });
});
