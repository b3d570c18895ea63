import type { Tweet } from '@starling/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../support/event-stream.js';
import { modeIsAvailable, modeTitle, startStarling, storageModes, type Starling } from '../support/starling.js';

const postgres = storageModes.find((m) => m.postgres)!;
const env = { STREAM_POLL_MS: '100', STREAM_HEARTBEAT_SECONDS: '1' };

/**
 * Two processes on one database, as behind a load balancer: a client's stream is open on
 * one replica while the posts, follows and likes it should show are written through the
 * other.
 */
describe.skipIf(!modeIsAvailable(postgres))(`live streams across replicas on ${modeTitle(postgres)}`, () => {
  let a: Starling;
  let b: Starling;
  let base = '';
  beforeAll(async () => {
    a = await startStarling(postgres, env);
    b = await startStarling(postgres, env, { databaseUrl: a.databaseUrl! });
    await b.platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(b.platform.app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    b?.platform.app.server.closeAllConnections();
    await b?.close();
    await a?.close();
  });

  const ok = async (s: Starling, method: 'POST', url: string, token: string, json?: object) => {
    const res = await s.request({ method, url, token, ...(json ? { json } : {}) });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res;
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('a post written through one replica reaches every home stream open on the other, once each', async () => {
    const ann = await a.signUp('rs_ann');
    const bo = await a.signUp('rs_bo');
    const cy = await a.signUp('rs_cy');
    const dee = await a.signUp('rs_dee');
    for (const follower of [bo, cy]) await ok(a, 'POST', `/api/v1/users/${ann.id}/follow`, follower.token);
    await a.platform.bus.drain();
    await b.platform.bus.drain();

    // Two tabs for bo, one for cy, one for dee, who follows nobody.
    const streams = await Promise.all([
      openEventStream(`${base}/api/v2/streaming/home`, bearer(bo.token)),
      openEventStream(`${base}/api/v2/streaming/home`, bearer(bo.token)),
      openEventStream(`${base}/api/v2/streaming/home`, bearer(cy.token)),
    ]);
    const stranger = await openEventStream(`${base}/api/v2/streaming/home`, bearer(dee.token));
    const first = (await ok(a, 'POST', '/api/v2/tweets', ann.token, { body: 'from the other replica' })).json();
    const second = (await ok(a, 'POST', '/api/v2/tweets', ann.token, { body: 'and another' })).json();
    for (const stream of streams) {
      const events = await stream.waitFor(2);
      // In order and once each, however the stream learnt of them.
      const shown = events.filter((e) => e.event === 'tweet').map((e) => JSON.parse(e.data) as Tweet);
      expect(shown.map((t) => t.id)).toEqual([first.id, second.id]);
    }
    // A post of someone dee does not follow is not on dee's stream.
    await ok(a, 'POST', '/api/v2/tweets', dee.token, { body: 'my own' });
    const own = await stranger.waitFor(1);
    expect(own.map((e) => (JSON.parse(e.data) as Tweet).body)).toEqual(['my own']);
    for (const stream of [...streams, stranger]) stream.close();
  });

  it('a notification recorded through one replica reaches the notification stream open on the other', async () => {
    const eve = await a.signUp('rs_eve');
    const fay = await a.signUp('rs_fay');
    await a.platform.bus.drain();
    const stream = await openEventStream(`${base}/api/v2/streaming/notifications`, bearer(eve.token));
    await ok(a, 'POST', `/api/v1/users/${eve.id}/follow`, fay.token);
    const [event] = await stream.waitFor(1);
    expect(JSON.parse(event!.data)).toMatchObject({ type: 'follow', account: { id: fay.id } });
    stream.close();
  });
});
