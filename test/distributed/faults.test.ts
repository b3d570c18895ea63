import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killStarlings } from '../support/process.js';
import {
  privateServersMissing,
  startPrivateNats,
  startPrivatePostgres,
  type PrivateNats,
  type PrivatePostgres,
} from '../support/private-servers.js';
import { eventually, startTopology, type Topology } from '../support/topology.js';

/*
 * The distributed mode under faults: `starling up --distributed` (a gateway, two
 * replicas of tweets, one of every other service and worker) on a PostgreSQL and a
 * NATS server of this suite's own, which it stops and restarts. Every test is bounded.
 */
// Part of the suite where the distributed mode is: with DATABASE_URL and NATS_URL set.
const missing =
  (!process.env.DATABASE_URL && 'DATABASE_URL is not set') ||
  (!process.env.NATS_URL && 'NATS_URL is not set') ||
  privateServersMissing();
const title = missing ? `distributed mode under faults (skipped: ${missing})` : 'distributed mode under faults';

describe.skipIf(!!missing)(title, { timeout: 180_000 }, () => {
  let postgres: PrivatePostgres;
  let nats: PrivateNats;
  let t: Topology;
  let author: { id: string; token: string };
  let reader: { id: string; token: string };

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    nats = await startPrivateNats();
    t = await startTopology(
      {
        DATABASE_URL: postgres.url,
        NATS_URL: nats.url,
        // Home timelines long enough to hold every tweet of the bursts below.
        HOME_TIMELINE_LENGTH: '5000',
        LOGIN_RATE_LIMIT: '10000/60',
        SIGNUP_RATE_LIMIT: '100000/60',
        GATEWAY_RATE_LIMIT: '1000000/60',
        CONSISTENCY_WAIT_MS: '500',
        PROJECTION_POLL_MS: '200',
      },
      ['--replicas', 'tweets=2'],
    );
    author = await signUp(t, 'faults_author');
    reader = await signUp(t, 'faults_reader');
    const follow = await t.api(`/api/v1/users/${author.id}/follow`, { method: 'POST', token: reader.token });
    expect(follow.status).toBe(200);
  }, 150_000);

  afterAll(async () => {
    await t?.stop();
    killStarlings();
    await nats?.destroy();
    postgres?.destroy();
  });

  /** Posts `body` as the author; the tweet's id, or the status when it was not accepted. */
  async function post(body: string): Promise<{ id?: string; status: number }> {
    try {
      const res = await t.api('/api/v2/tweets', { method: 'POST', token: author.token, json: { body } });
      return res.status === 201
        ? { id: ((await res.json()) as { id: string }).id, status: 201 }
        : { status: res.status };
    } catch {
      return { status: 0 };
    }
  }

  /** Every tweet id in the reader's home timeline, following every page. */
  async function homeIds(): Promise<string[]> {
    const ids: string[] = [];
    let next: string | undefined = '/api/v2/timelines/home?limit=100';
    while (next) {
      const res = await t.api(next, { token: reader.token });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { tweets_list: Array<{ id: string }> };
      ids.push(...page.tweets_list.map((tw) => tw.id));
      const link = res.headers.get('link');
      next = link ? /<([^>]+)>;\s*rel="next"/.exec(link)?.[1]?.replace(/^https?:\/\/[^/]+/, '') : undefined;
    }
    return ids;
  }

  async function expectHomeToHoldExactly(expected: Set<string>) {
    await eventually(async () => {
      const ids = await homeIds();
      const mine = ids.filter((id) => expected.has(id));
      expect(mine.length).toBe(expected.size);
      expect(new Set(ids).size).toBe(ids.length); // no duplicates at all
    }, 60_000);
  }

  it('1. a projection worker killed with SIGKILL mid-burst: after its restart the read models hold exactly the 1,000 tweets', async () => {
    const worker = t.member('timeline-worker');
    const ids = new Set<string>();
    let sent = 0;
    let killed = false;
    const poster = async () => {
      while (sent < 1000) {
        const n = ++sent;
        if (n === 250 && !killed) {
          killed = true;
          process.kill(worker.pid, 'SIGKILL');
        }
        const r = await post(`burst tweet ${n}`);
        expect(r.status, `tweet ${n}`).toBe(201);
        ids.add(r.id!);
      }
    };
    await Promise.all(Array.from({ length: 16 }, poster));
    expect(ids.size).toBe(1000);
    expect(killed).toBe(true);
    // `starling up` started the worker again, as a new process.
    await eventually(async () => expect(t.member('timeline-worker').pid).not.toBe(worker.pid));
    await expectHomeToHoldExactly(ids);
    // The author's count (identity's worker) agrees, and the search read model too.
    await eventually(async () => {
      const res = await t.api(`/api/v1/users/${author.id}`);
      expect(((await res.json()) as { tweets_count: number }).tweets_count).toBe(1000);
    });
  });

  it('2. NATS stopped for 10 s during a stream of writes: every write succeeds, and afterwards everything is delivered', async () => {
    const ids = new Set<string>();
    const deadline = Date.now() + 16_000;
    let stopped = false;
    const outage = (async () => {
      await sleep(2_000);
      await nats.stop();
      stopped = true;
      await sleep(10_000);
      await nats.start();
    })();
    const writer = async () => {
      for (let n = 0; Date.now() < deadline; n++) {
        const r = await post(`during the outage ${n}`);
        expect(r.status).toBe(201);
        ids.add(r.id!);
        await sleep(50);
      }
    };
    await Promise.all([outage, writer(), writer()]);
    expect(stopped).toBe(true);
    expect(ids.size).toBeGreaterThan(20);
    await expectHomeToHoldExactly(ids);
  });

  it('3. PostgreSQL restarted: the services turn not ready, recover by themselves, and no accepted write is lost', async () => {
    const before = t.members();
    const logFrom = t.output().length;
    const accepted = new Set<string>();
    let writing = true;
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const r = await post(`across the restart ${n}`);
        if (r.status === 201) accepted.add(r.id!);
        await sleep(50);
      }
    })();
    await sleep(1_000);
    postgres.stop();
    const tweets = t.member('tweets');
    await eventually(async () => {
      const res = await fetch(`http://127.0.0.1:${tweets.port}/readyz`);
      expect(res.status).toBe(503);
    }, 15_000);
    await sleep(2_000);
    postgres.start();
    await t.ready(60_000);
    await sleep(1_000);
    writing = false;
    await writer;
    // Nobody restarted: the same processes recovered on their own.
    expect(t.output().slice(logFrom)).not.toMatch(/exited \(/);
    expect(
      t
        .members()
        .map((m) => m.pid)
        .sort(),
    ).toEqual(before.map((m) => m.pid).sort());
    expect(accepted.size).toBeGreaterThan(10);
    for (const id of accepted) {
      const res = await t.api(`/api/v2/tweets/${id}`);
      expect(res.status, id).toBe(200);
    }
    await expectHomeToHoldExactly(accepted);
  });

  it('4. one of two tweets replicas killed with SIGKILL under load: no idempotent request fails, every accepted write is there', async () => {
    const victim = t.member('tweets', 1);
    const accepted = new Set<string>();
    const failedReads: string[] = [];
    const sample = (await post('a tweet to read')).id!;
    let running = true;
    const reader = async () => {
      while (running) {
        const res = await t.api(`/api/v2/tweets/${sample}`).catch((e: Error) => ({ status: e.message }) as never);
        if (res.status !== 200) failedReads.push(String(res.status));
        const list = await t.api(`/api/v2/tweets?limit=5`).catch((e: Error) => ({ status: e.message }) as never);
        if (list.status !== 200) failedReads.push(`list ${String(list.status)}`);
      }
    };
    const writer = async () => {
      for (let n = 0; running; n++) {
        const r = await post(`under load ${n}`);
        if (r.status === 201) accepted.add(r.id!);
      }
    };
    const load = Promise.all([reader(), reader(), reader(), writer(), writer()]);
    await sleep(1_500);
    process.kill(victim.pid, 'SIGKILL');
    await sleep(3_000);
    running = false;
    await load;
    expect(failedReads).toEqual([]);
    expect(accepted.size).toBeGreaterThan(10);
    for (const id of accepted) expect((await t.api(`/api/v2/tweets/${id}`)).status, id).toBe(200);
    await expectHomeToHoldExactly(accepted);
  });

  it('5. the same event delivered twice changes nothing the second time', async () => {
    const { id } = await post('said once');
    await expectHomeToHoldExactly(new Set([id!]));
    const countOf = async () =>
      ((await (await t.api(`/api/v1/users/${author.id}`)).json()) as { tweets_count: number }).tweets_count;
    await eventually(async () => expect(await countOf()).toBeGreaterThan(0));
    const count = await countOf();

    // Publish the stored message again under a new message id, so JetStream's own
    // deduplication does not catch it: only the consumers' idempotence can.
    const nc = await connect({ servers: nats.url });
    const jsm = await jetstreamManager(nc);
    const stream = 'starling_events_tweets';
    const last = await jsm.streams.getMessage(stream, { last_by_subj: 'starling.events.tweets.TweetPosted' });
    expect(last!.json<{ event: { data: { tweet_id: string } } }>().event.data.tweet_id).toBe(id);
    const { jetstream } = await import('@nats-io/jetstream');
    const copy = await jetstream(nc).publish(last!.subject, last!.data, { msgID: `copy-${id}` });
    expect(copy.duplicate).toBe(false);
    // Every consumer of the stream has taken the copy…
    await eventually(async () => {
      for await (const c of jsm.consumers.list(stream)) expect(c.ack_floor.stream_seq).toBeGreaterThanOrEqual(copy.seq);
    });
    await nc.close();
    // …and nothing changed: one entry in the home timeline, the same count.
    const home = await homeIds();
    expect(home.filter((h) => h === id)).toHaveLength(1);
    expect(await countOf()).toBe(count);
    const metrics = await (await fetch(`http://127.0.0.1:${t.member('timeline-worker').port}/metrics`)).text();
    expect(metrics).toMatch(/starling_bus_duplicates_total\{consumer="timeline\.tweets"\} [1-9]/);
  });
});

describe.skipIf(!!missing)(title.replace('under faults', 'across processes'), { timeout: 120_000 }, () => {
  let postgres: PrivatePostgres;
  let nats: PrivateNats;
  let t: Topology;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    nats = await startPrivateNats();
    t = await startTopology({
      DATABASE_URL: postgres.url,
      NATS_URL: nats.url,
      LOGIN_RATE_LIMIT: '4/300',
      SIGNUP_RATE_LIMIT: '100000/60',
    });
  }, 120_000);

  /** A login sent from another loopback address, as another client would. */
  const loginFrom = (address: string, username: string, password: string) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ username, password });
      const request = http.request(
        `${t.base}/api/v1/auth/login`,
        { method: 'POST', localAddress: address, headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  afterAll(async () => {
    await t?.stop();
    killStarlings();
    await nats?.destroy();
    postgres?.destroy();
  });

  it('a logout at identity ends the token in every other service too', async () => {
    const user = await signUp(t, 'revoked_rita');
    const tweet = () => t.api('/api/v2/tweets', { method: 'POST', token: user.token, json: { body: 'still here?' } });
    expect((await tweet()).status).toBe(201);
    const logout = await t.api('/api/v1/auth/logout', { method: 'POST', token: user.token });
    expect(logout.status).toBeLessThan(300);
    await eventually(async () => expect((await tweet()).status).toBe(401), 10_000);
    const follow = await t.api(`/api/v1/users/${user.id}/follow`, { method: 'POST', token: user.token });
    expect(follow.status).toBe(401);
  });

  it('login limits count each client address, not the gateway the services all hear from', async () => {
    await signUp(t, 'limited_lou');
    for (let i = 0; i < 4; i++) expect(await loginFrom('127.0.0.2', `nobody_${i}`, 'wrong password')).toBe(401);
    expect(await loginFrom('127.0.0.2', 'nobody_5', 'wrong password')).toBe(429);
    expect(await loginFrom('127.0.0.3', 'limited_lou', 'correct horse battery')).toBe(200);
  });

  it('a bearer token that is not one is refused at the gateway', async () => {
    const res = await t.api('/api/v2/timelines/home', { token: 'not-a-token' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

async function signUp(t: Topology, username: string) {
  const password = 'correct horse battery';
  const created = await t.api('/api/v1/users', {
    method: 'POST',
    json: { username, email: `${username}@example.com`, password },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const login = await t.api('/api/v1/auth/login', { method: 'POST', json: { username, password } });
  expect(login.status).toBe(200);
  return {
    id: ((await created.json()) as { id: string }).id,
    token: ((await login.json()) as { access_token: string }).access_token,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
