import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCERPT_BYTES, excerptOf, send } from '../../src/webhooks/delivery/send.js';

/** A receiver on 127.0.0.1 whose answer each test chooses by path. */
let server: Server;
let port = 0;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    req.resume();
    if (req.url === '/ok') return res.writeHead(204).end();
    if (req.url === '/redirect') return res.writeHead(302, { location: '/elsewhere' }).end();
    if (req.url === '/elsewhere') return res.writeHead(200).end('followed');
    if (req.url === '/long') return res.writeHead(500).end('é'.repeat(5_000));
    if (req.url === '/slow') return setTimeout(() => res.writeHead(200).end(), 2_000);
    res.writeHead(404).end('nothing here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const options = { allowPrivate: true, connectTimeoutMs: 1_000, responseTimeoutMs: 1_000 };
const paths = () => seen.map((r) => r.url);

describe('sending one webhook attempt', () => {
  it('posts the body with the given headers and succeeds on a 2xx', async () => {
    const result = await send(`http://127.0.0.1:${port}/ok`, '{"a":1}', { 'webhook-id': 'msg_1' }, options);
    expect(result).toMatchObject({ ok: true, status: 204 });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const last = seen.at(-1)!;
    expect(last.method).toBe('POST');
    expect(last.headers['webhook-id']).toBe('msg_1');
    expect(last.headers['content-type']).toBe('application/json');
  });

  it('does not follow a redirect: the attempt fails with the 3xx', async () => {
    const before = paths().filter((p) => p === '/elsewhere').length;
    const result = await send(`http://127.0.0.1:${port}/redirect`, '{}', {}, options);
    expect(result).toMatchObject({ ok: false, status: 302 });
    expect(result.error).toMatch(/redirect.*not followed/);
    expect(paths().filter((p) => p === '/elsewhere').length).toBe(before);
  });

  it('keeps at most 512 bytes of the answer', async () => {
    const result = await send(`http://127.0.0.1:${port}/long`, '{}', {}, options);
    expect(result).toMatchObject({ ok: false, status: 500 });
    expect(Buffer.byteLength(result.excerpt!)).toBeLessThanOrEqual(EXCERPT_BYTES);
    expect(result.excerpt).toMatch(/^é+$/);
    expect(Buffer.byteLength(excerptOf(Buffer.alloc(2_000, 'a')))).toBe(EXCERPT_BYTES);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const result = await send(`http://127.0.0.1:${port}/slow`, '{}', {}, { ...options, responseTimeoutMs: 200 });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/no answer within 200 ms/);
  });

  it('fails on a connection refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await send(`http://127.0.0.1:${free}/`, '{}', {}, options);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/ECONNREFUSED/);
  });

  it('refuses, at send time, a loopback address or a name resolving to one unless private addresses are allowed', async () => {
    const before = seen.length;
    const enforced = { ...options, allowPrivate: false };
    const byAddress = await send(`http://127.0.0.1:${port}/ok`, '{}', {}, enforced);
    expect(byAddress.ok).toBe(false);
    expect(byAddress.error).toMatch(/refused.*internal/);
    const byName = await send(`http://localhost:${port}/ok`, '{}', {}, enforced);
    expect(byName.ok).toBe(false);
    expect(byName.error).toMatch(/refused.*localhost resolves to an internal address/);
    expect(seen.length).toBe(before);
    expect((await send(`http://localhost:${port}/ok`, '{}', {}, options)).ok).toBe(true);
  });
});
