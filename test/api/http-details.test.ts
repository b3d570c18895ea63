import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '@starling/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { inEachStorageMode, startStarling, useStarling, type Starling } from '../support/starling.js';

const ALLOWED = 'https://app.example.com';

/** Sends raw bytes and reads the whole answer, for what `fetch` cannot send (a trickle, huge headers). */
function rawExchange(port: number, write: (socket: import('node:net').Socket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => write(socket));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', (err) => (answer ? resolve(answer) : reject(err)));
    socket.on('close', () => resolve(answer));
  });
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
const bodyOf = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));

inEachStorageMode('HTTP details a client meets', (mode) => {
  const s = useStarling(mode, { CORS_ORIGINS: `${ALLOWED},http://localhost:5173` });

  it('a preflight from a listed origin answers with the path’s methods and allows credentials', async () => {
    const res = await s.request({
      method: 'OPTIONS' as never,
      url: '/api/v2/tweets',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(String(res.headers['access-control-allow-methods']).split(', ').sort()).toEqual(['GET', 'OPTIONS', 'POST']);
    expect(String(res.headers['access-control-allow-headers'])).toMatch(/Authorization/);
    const one = await s.request({
      method: 'OPTIONS' as never,
      url: '/api/v2/tweets/01ANYTHING',
      headers: { origin: ALLOWED, 'access-control-request-method': 'DELETE' },
    });
    expect(String(one.headers['access-control-allow-methods']).split(', ').sort()).toEqual([
      'DELETE',
      'GET',
      'OPTIONS',
    ]);
  });

  it('an origin not listed gets no CORS headers, on a preflight or a request', async () => {
    const headers = { origin: 'https://evil.example', 'access-control-request-method': 'POST' };
    const preflight = await s.request({ method: 'OPTIONS' as never, url: '/api/v2/tweets', headers });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const read = await s.request({ url: '/api/v2/tweets', headers: { origin: 'https://evil.example' } });
    expect(read.statusCode).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a request from a listed origin may read the answer and its ETag, and caches keep origins apart', async () => {
    const read = await s.request({ url: '/api/v2/tweets', headers: { origin: ALLOWED } });
    expect(read.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(read.headers['access-control-allow-credentials']).toBe('true');
    expect(String(read.headers['access-control-expose-headers'])).toMatch(/ETag/);
    expect(String(read.headers.vary)).toMatch(/Origin/);
  });

  it('OPTIONS on a path the contract does not have is a 404 problem', async () => {
    const res = await s.request({ method: 'OPTIONS' as never, url: '/api/v2/nothing', headers: { origin: ALLOWED } });
    expectProblem(res, 404);
  });
});

describe('limits on the wire', () => {
  let s: Starling;
  let port: number;

  beforeAll(async () => {
    s = await startStarling({ postgres: false }, { BODY_LIMIT: '2048', REQUEST_TIMEOUT: '1' });
    await s.platform.app.listen({ port: 0, host: '127.0.0.1' });
    port = (s.platform.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => s?.close());

  it('without CORS_ORIGINS no origin is allowed, and a preflight still answers Allow', async () => {
    const res = await s.request({
      method: 'OPTIONS' as never,
      url: '/api/v2/tweets',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers.allow).toBe('GET, POST, OPTIONS');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a body over BODY_LIMIT is a 413 problem that fetch can read', async () => {
    for (const size of [4096, 1024 * 1024]) {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'big', email: 'big@example.com', password: 'x'.repeat(size) }),
      });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await res.json()).status).toBe(413);
    }
  });

  it('a body that trickles in is cut off after REQUEST_TIMEOUT with a 408 problem', async () => {
    const raw = await rawExchange(port, (socket) => {
      socket.write(
        'POST /api/v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
      );
      const drip = setInterval(() => socket.writable && socket.write(' '), 400);
      socket.on('close', () => clearInterval(drip));
    });
    expect(statusOf(raw)).toBe(408);
    expect(raw).toMatch(/content-type: application\/problem\+json/i);
    expect(bodyOf(raw).status).toBe(408);
  });

  it('headers too large are a 431 problem', async () => {
    const raw = await rawExchange(port, (socket) =>
      socket.write(`GET /api/v1/info HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`),
    );
    expect(statusOf(raw)).toBe(431);
    expect(bodyOf(raw)).toMatchObject({ status: 431, type: expect.any(String), title: expect.any(String) });
  });

  it('bytes that are not HTTP are a 400 problem', async () => {
    const raw = await rawExchange(port, (socket) => socket.write('NOT HTTP AT ALL\r\n\r\n'));
    expect(statusOf(raw)).toBe(400);
    expect(bodyOf(raw).status).toBe(400);
  });
});

describe('the request log', () => {
  async function linesOf(env: Record<string, string>) {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const s = await startStarling({ postgres: false }, env, { logger: createLogger({ LOG_LEVEL: 'info' }, sink) });
    try {
      for (let i = 0; i < 3; i++) await s.request({ url: '/api/v1/info' });
      await s.request({ url: '/api/v2/tweets/a%00b' });
    } finally {
      await s.close();
    }
    return lines.map((l) => JSON.parse(l) as { msg: string; url?: string; statusCode?: number });
  }

  it('logs no line per request at info by default, and one per request with LOG_REQUESTS=true', async () => {
    const quiet = await linesOf({ LOG_LEVEL: 'info' });
    expect(quiet.filter((l) => l.msg === 'request completed')).toEqual([]);
    const loud = await linesOf({ LOG_LEVEL: 'info', LOG_REQUESTS: 'true' });
    const completed = loud.filter((l) => l.msg === 'request completed');
    expect(completed.filter((l) => l.url === '/api/v1/info')).toHaveLength(3);
    expect(completed.find((l) => l.url === '/api/v2/tweets/a%00b')?.statusCode).toBe(400);
  });
});
