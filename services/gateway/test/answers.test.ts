import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeService, startGateway, type FakeService, type RunningGateway } from './fakes.js';

/**
 * Answers come back as the service sent them, whatever their size: a small one with its
 * length, a large one, and one the service writes in pieces without saying its length.
 */
describe('answers through the gateway', () => {
  const small = Buffer.from(JSON.stringify({ tweets_list: Array.from({ length: 50 }, (_, i) => ({ id: `t${i}` })) }));
  const large = randomBytes(300 * 1024);
  const pieces = [Buffer.from('{"first":'), randomBytes(40 * 1024), Buffer.from('}')];
  let timeline: FakeService;
  let gateway: RunningGateway;

  beforeAll(async () => {
    timeline = await fakeService('timeline', (request, response, seen) => {
      const path = seen.url.split('?')[0];
      if (path === '/api/v2/timelines/public') {
        response.writeHead(200, { 'content-type': 'application/json', etag: '"v1"', 'content-length': small.length });
        return response.end(request.method === 'HEAD' ? undefined : small);
      }
      if (path === '/api/v2/timelines/home') {
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': large.length });
        return response.end(request.method === 'HEAD' ? undefined : large);
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      const [first, ...rest] = pieces;
      response.write(first);
      let i = 0;
      const next = () => (i < rest.length ? response.write(rest[i++], () => setTimeout(next, 10)) : response.end());
      next();
    });
    gateway = await startGateway({ TIMELINE_URL: timeline.url });
  });
  afterAll(async () => {
    await gateway?.close();
    await timeline?.close();
  });

  const bodyOf = async (path: string) => {
    const response = await fetch(`${gateway.url}${path}`);
    expect(response.status).toBe(200);
    return { headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  };

  it('passes a small answer back whole, with its length and headers', async () => {
    const { headers, body } = await bodyOf('/api/v2/timelines/public');
    expect(body.equals(small)).toBe(true);
    expect(headers.get('content-length')).toBe(String(small.length));
    expect(headers.get('etag')).toBe('"v1"');
  });

  it('passes a large answer back byte for byte', async () => {
    const { headers, body } = await bodyOf('/api/v2/timelines/home');
    expect(body.equals(large)).toBe(true);
    expect(headers.get('content-length')).toBe(String(large.length));
  });

  it('passes an answer of unknown length back as the service writes it', async () => {
    const { body } = await bodyOf('/api/v2/timelines/tag/birds');
    expect(body.equals(Buffer.concat(pieces))).toBe(true);
  });

  it('answers HEAD with the length the service gave and no body, small or large', async () => {
    for (const [path, length] of [
      ['/api/v2/timelines/public', small.length],
      ['/api/v2/timelines/home', large.length],
    ] as const) {
      const response = await fetch(`${gateway.url}${path}`, { method: 'HEAD' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBe(String(length));
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    }
  });
});
