import { afterEach, describe, expect, it } from 'vitest';
import { droppingService, fakeService, problemOf, refusingUrl, startGateway, type RunningGateway } from './fakes.js';

describe('replicas', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function gatewayFor(tweetsUrls: string[]): Promise<RunningGateway> {
    const gateway = await startGateway({ TWEETS_URL: tweetsUrls.join(',') });
    cleanups.push(() => gateway.close());
    return gateway;
  }
  async function replica(handler?: Parameters<typeof fakeService>[1]) {
    const service = await fakeService('tweets', handler);
    cleanups.push(() => service.close());
    return service;
  }
  async function dropping() {
    const service = await droppingService();
    cleanups.push(() => service.close());
    return service;
  }

  it('spreads requests over the replicas in turn', async () => {
    const a = await replica();
    const b = await replica();
    const gateway = await gatewayFor([a.url, b.url]);
    for (let i = 0; i < 6; i++) expect((await fetch(`${gateway.url}/api/v2/tweets/${i}`)).status).toBe(200);
    expect(a.seen.length).toBe(3);
    expect(b.seen.length).toBe(3);
  });

  it('answers every GET while one of two replicas is stopped', async () => {
    const live = await replica();
    const gateway = await gatewayFor([await refusingUrl(), live.url]);
    for (let i = 0; i < 6; i++) expect((await fetch(`${gateway.url}/api/v2/tweets/${i}`)).status).toBe(200);
    expect(live.seen.length).toBe(6);
  });

  it('retries a GET whose connection is dropped, skips that replica for a while, and logs why', async () => {
    const dying = await dropping();
    const live = await replica();
    const gateway = await gatewayFor([dying.url, live.url]);
    for (let i = 0; i < 6; i++) expect((await fetch(`${gateway.url}/api/v2/tweets/${i}`)).status).toBe(200);
    // Tried once, then marked down: the next requests went straight to the live replica.
    expect(dying.connections()).toBe(1);
    expect(live.seen.length).toBe(6);
    const failure = gateway.logs.find((l) => l.msg === 'upstream connection failed');
    expect(failure).toMatchObject({
      service: 'tweets',
      replica: dying.url,
      reason: expect.stringMatching(/UND_ERR_SOCKET|ECONNRESET/),
      willRetry: true,
    });
    expect(failure?.reqId).toEqual(expect.any(String));
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toContain('starling_gateway_retries_total{service="tweets"} 1');
  });

  it('tries the only replica twice for a GET, but sends a POST once', async () => {
    const dying = await dropping();
    const gateway = await gatewayFor([dying.url]);

    const post = await fetch(`${gateway.url}/api/v2/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hello"}',
    });
    expect((await problemOf(post, 502)).detail).toBe('The tweets service is unavailable.');
    expect(dying.connections()).toBe(1);

    await problemOf(await fetch(`${gateway.url}/api/v2/tweets`), 502);
    expect(dying.connections()).toBe(3);
  });

  it('sends a POST to another replica when its replica refuses the connection (it never saw it)', async () => {
    const other = await replica();
    const gateway = await gatewayFor([await refusingUrl(), other.url]);
    const post = await fetch(`${gateway.url}/api/v2/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hello"}',
    });
    expect(post.status).toBe(200);
    expect(other.seen.length).toBe(1);
  });

  it('never sends a POST again once a replica has received it, even if it then drops the connection', async () => {
    const dropping = await replica((request) => request.socket.destroy());
    const other = await replica();
    const gateway = await gatewayFor([dropping.url, other.url]);
    const post = await fetch(`${gateway.url}/api/v2/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hello"}',
    });
    await problemOf(post, 502);
    expect(dropping.seen.length).toBe(1);
    expect(other.seen.length).toBe(0);
  });

  it('answers 502 problem+json when every replica is down', async () => {
    const gateway = await gatewayFor([await refusingUrl(), await refusingUrl()]);
    const response = await fetch(`${gateway.url}/api/v2/tweets/01HZX`, { headers: { accept: 'text/html' } });
    const body = await problemOf(response, 502);
    expect(body).toMatchObject({ title: 'Bad gateway', detail: 'The tweets service is unavailable.' });
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|at .*\.ts/);
  });

  it('sends a GET to another replica when one answers 503 (starting up or shutting down)', async () => {
    const starting = await replica((_request, response) => {
      response.writeHead(503, { 'content-type': 'application/problem+json' });
      response.end('{"status":503,"title":"Service unavailable","detail":"Starling is starting up."}');
    });
    const live = await replica();
    const gateway = await gatewayFor([starting.url, live.url]);
    for (let i = 0; i < 4; i++) expect((await fetch(`${gateway.url}/api/v2/tweets/${i}`)).status).toBe(200);
    expect(live.seen.length).toBe(4);
  });

  it('passes a 503 on, Retry-After included, when no other replica can answer', async () => {
    const busy = await replica((_request, response) => {
      response.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '7' });
      response.end('{"status":503,"title":"Service unavailable","detail":"Try later."}');
    });
    const gateway = await gatewayFor([busy.url]);
    const response = await fetch(`${gateway.url}/api/v2/tweets/1`);
    expect(response.headers.get('retry-after')).toBe('7');
    expect((await problemOf(response, 503)).detail).toBe('Try later.');
    expect(busy.seen.length).toBe(1);
  });

  it('cuts the client off when a replica dies mid-answer, so a truncated answer never looks complete', async () => {
    const dying = await replica((_request, response) => {
      // Chunked: only the missing last chunk tells the client the answer is incomplete.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":[');
      setImmediate(() => response.socket?.destroy());
    });
    const gateway = await gatewayFor([dying.url]);
    const response = await fetch(`${gateway.url}/api/v2/tweets`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('never passes on a short answer cut off by a dying replica: a GET goes to another, a POST gets a 502', async () => {
    const dying = await replica((_request, response) => {
      // Its length says 100 bytes; 9 arrive.
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"data":[');
      setImmediate(() => response.socket?.destroy());
    });
    const live = await replica();
    const gateway = await gatewayFor([dying.url, live.url]);
    const get = await fetch(`${gateway.url}/api/v2/tweets/01HZX`);
    expect(get.status).toBe(200);
    expect(await get.json()).toMatchObject({ service: 'tweets', url: '/api/v2/tweets/01HZX' });

    const alone = await gatewayFor([dying.url]);
    const before = dying.seen.length;
    const post = await fetch(`${alone.url}/api/v2/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hello"}',
    });
    await problemOf(post, 502);
    expect(dying.seen.length).toBe(before + 1);
  });
});
