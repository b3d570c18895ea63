import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/assertions.js';
import { modeIsAvailable, modeTitle, startStarling, storageModes, type Starling } from '../support/starling.js';
import { receiver } from '../support/webhook-receiver.js';

const postgres = storageModes.find((m) => m.postgres)!;

/**
 * Two processes on one database, each running the delivery loop, as two notify-worker
 * replicas do: every delivery is sent successfully exactly once, never by both at the
 * same time, and in order per endpoint, even with failures to retry.
 */
describe.skipIf(!modeIsAvailable(postgres))(`webhook delivery across replicas on ${modeTitle(postgres)}`, () => {
  const env = {
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_RETRY_BASE_MS: '2',
    WEBHOOK_POLL_MS: '20',
    WEBHOOK_CONCURRENCY: '4',
  };
  let a: Starling;
  let b: Starling;
  const hooks = receiver();
  beforeAll(async () => {
    a = await startStarling(postgres, env);
    b = await startStarling(postgres, env, { databaseUrl: a.databaseUrl! });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('sends each delivery once, in order per endpoint, whichever replica takes it', async () => {
    const ada = await a.signUp('whr_ada');
    const names = ['r1', 'r2', 'r3'];
    const secrets = new Map<string, string>();
    for (const name of names) {
      const res = await a.request({
        method: 'POST',
        url: '/api/v2/webhooks',
        token: ada.token,
        json: { url: hooks.url(name), events: ['tweet.created'] },
      });
      expect(res.statusCode, res.body).toBe(201);
      secrets.set(name, res.json().secret);
      hooks.slow(name, 5);
    }
    hooks.script('r2', [500, 502, 200, 500, 503]);
    const tweets: string[] = [];
    for (let i = 0; i < 30; i++) {
      const on = i % 2 ? b : a;
      const res = await on.request({
        method: 'POST',
        url: '/api/v2/tweets',
        token: ada.token,
        json: { body: `n${i}` },
      });
      expect(res.statusCode, res.body).toBe(201);
      tweets.push(res.json().id);
    }
    for (const name of names) {
      await eventually(async () => expect(hooks.at(name).filter((r) => r.status === 200)).toHaveLength(30), 60_000);
      const delivered = hooks.at(name).filter((r) => r.status === 200);
      const ids = delivered.map(
        (r) => (new Webhook(secrets.get(name)!).verify(r.body, r.headers as never) as { data: { id: string } }).data.id,
      );
      expect(ids).toEqual(tweets);
      expect(new Set(delivered.map((r) => r.headers['webhook-id'])).size).toBe(30);
    }
    expect(hooks.overlapping()).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    for (const name of names) expect(hooks.at(name).filter((r) => r.status === 200)).toHaveLength(30);
  });
});
