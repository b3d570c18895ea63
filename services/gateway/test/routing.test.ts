import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeService, problemOf, startGateway, type FakeService, type RunningGateway } from './fakes.js';

describe('the gateway routes by the contracts', () => {
  const services: Record<string, FakeService> = {};
  let gateway: RunningGateway;

  beforeAll(async () => {
    for (const name of ['tweets', 'graph', 'timeline']) services[name] = await fakeService(name);
    services.identity = await fakeService('identity', (request, response, seen) => {
      if (seen.url.startsWith('/api/v1/auth/login')) {
        // Two cookies in one answer, as the login sets the session and CSRF cookies.
        response.setHeader('set-cookie', ['starling_session=abc; HttpOnly; Path=/', 'starling_csrf=def; Path=/']);
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ service: 'identity', url: seen.url }));
    });
    gateway = await startGateway({
      IDENTITY_URL: services.identity.url,
      TWEETS_URL: services.tweets.url,
      GRAPH_URL: services.graph.url,
      TIMELINE_URL: services.timeline.url,
      BODY_LIMIT: '1024',
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all(Object.values(services).map((s) => s.close()));
  });

  const serviceFor = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${gateway.url}${path}`, init);
    expect(response.status).toBe(200);
    return ((await response.json()) as { service: string }).service;
  };

  it('sends each path to the service whose contract has it, static segments first', async () => {
    expect(await serviceFor('/api/v1/users/suggestions')).toBe('identity');
    expect(await serviceFor('/api/v1/users/01HZX/followers')).toBe('graph');
    expect(await serviceFor('/api/v1/users/01HZX')).toBe('identity');
    expect(await serviceFor('/api/v1/users/01HZX/follow', { method: 'POST' })).toBe('graph');
    expect(await serviceFor('/api/v2/tweets/01HZX/liked_by')).toBe('tweets');
    expect(await serviceFor('/api/v2/timelines/tag/birds')).toBe('timeline');
    expect(await serviceFor('/api/v2/search?q=x')).toBe('timeline');
  });

  it('sends HEAD wherever the contract has GET, for the service to answer', async () => {
    const response = await fetch(`${gateway.url}/api/v2/tweets/01HZX`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(services.tweets.seen.at(-1)!.method).toBe('HEAD');
  });

  it('passes the query string exactly as the client wrote it', async () => {
    const query = '?q=caf%C3%A9%20%23birds&type=tweets&x=a+b&x=%2F&empty=';
    await serviceFor(`/api/v2/search${query}`);
    expect(services.timeline.seen.at(-1)!.url).toBe(`/api/v2/search${query}`);
  });

  it('passes bodies byte for byte, whatever their content type', async () => {
    const json = Buffer.from('{ "text" :  "h\u00e9llo \\u00e9",\n"reply_to":null }');
    await serviceFor('/api/v2/tweets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
    const seen = services.tweets.seen.at(-1)!;
    expect(seen.method).toBe('POST');
    expect(seen.body.equals(json)).toBe(true);
    expect(seen.headers['content-type']).toBe('application/json');

    const bytes = Buffer.from([0, 255, 1, 254, 0x7b, 0x0a, 0xc3]);
    await serviceFor('/api/v1/users/01HZX', {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(services.identity.seen.at(-1)!.body.equals(bytes)).toBe(true);
  });

  it('refuses a body over BODY_LIMIT without bothering the service', async () => {
    const before = services.tweets.seen.length;
    const response = await fetch(`${gateway.url}/api/v2/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(2000) }),
    });
    await problemOf(response, 413);
    expect(services.tweets.seen.length).toBe(before);
  });

  it('tells the service who asked, and carries one request id through', async () => {
    const response = await fetch(`${gateway.url}/api/v2/tweets/01HZX`, {
      headers: { 'x-request-id': 'trace-me-42', 'x-forwarded-for': '6.6.6.6', accept: 'application/json' },
    });
    expect(response.headers.get('x-request-id')).toBe('trace-me-42');
    const seen = services.tweets.seen.at(-1)!.headers;
    expect(seen['x-request-id']).toBe('trace-me-42');
    // TRUST_PROXY is off: the gateway is the edge, so a client's own X-Forwarded-For is not believed.
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen['x-forwarded-proto']).toBe('http');
    expect(seen['x-forwarded-host']).toBe(new URL(gateway.url).host);
    expect(seen.accept).toBe('application/json');

    const anonymous = await fetch(`${gateway.url}/api/v2/tweets/01HZX`);
    const generated = anonymous.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(services.tweets.seen.at(-1)!.headers['x-request-id']).toBe(generated);
  });

  it('does not pass on headers that describe the connection to the gateway', async () => {
    const { host, port } = new URL(gateway.url);
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        {
          host: host.split(':')[0],
          port,
          path: '/api/v1/info',
          headers: {
            connection: 'keep-alive, x-hop',
            'keep-alive': 'timeout=5',
            'x-hop': 'for the gateway only',
            'proxy-authorization': 'Basic c2VjcmV0',
            'x-kept': 'for the service',
          },
        },
        (res) => res.resume().on('end', resolve),
      );
      req.on('error', reject).end();
    });
    const seen = services.identity.seen.at(-1)!.headers;
    expect(seen['x-kept']).toBe('for the service');
    expect(seen['x-hop']).toBeUndefined();
    expect(seen['keep-alive']).toBeUndefined();
    expect(seen['proxy-authorization']).toBeUndefined();
  });

  it('passes every Set-Cookie of an answer', async () => {
    const response = await fetch(`${gateway.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"ada","password":"pw"}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([
      'starling_session=abc; HttpOnly; Path=/',
      'starling_csrf=def; Path=/',
    ]);
  });

  it('answers an unknown API path with a problem+json 404, as the services do', async () => {
    const body = await problemOf(await fetch(`${gateway.url}/api/v1/nothing/here`), 404);
    expect(body.detail).toBe('No route for GET /api/v1/nothing/here.');
    await problemOf(await fetch(`${gateway.url}/api/v2/tweets`, { method: 'PUT' }), 404);
  });

  it('publishes the whole contract, and answers health checks and metrics itself', async () => {
    const document = (await (await fetch(`${gateway.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/users/{id}', '/api/v1/users/{id}/followers', '/api/v2/streaming/home']),
    );
    expect(await (await fetch(`${gateway.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${gateway.url}/readyz`)).json()).toEqual({ status: 'ready' });
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/starling_gateway_upstream_requests_total\{service="tweets",outcome="ok"\} \d+/);
  });
});

describe('a gateway with services missing', () => {
  it('starts, and answers their routes with a 503 naming the variable to set', async () => {
    const identity = await fakeService('identity');
    const gateway = await startGateway({ IDENTITY_URL: identity.url });
    try {
      const body = await problemOf(await fetch(`${gateway.url}/api/v2/timelines/public`), 503);
      expect(body.detail).toBe('The timeline service is not configured: set TIMELINE_URL.');
      expect((await problemOf(await fetch(`${gateway.url}/api/v2/tweets`), 503)).detail).toContain('TWEETS_URL');
      expect((await fetch(`${gateway.url}/api/v1/users/01HZX`)).status).toBe(200);
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
    } finally {
      await gateway.close();
      await identity.close();
    }
  });

  it('is not ready when no service is configured at all', async () => {
    const gateway = await startGateway({});
    try {
      const body = await problemOf(await fetch(`${gateway.url}/readyz`), 503);
      expect(body.detail).toMatch(/no service is configured.*IDENTITY_URL/);
      expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });
});
