import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeService, startGateway, type FakeService, type RunningGateway } from './fakes.js';

/** Reads from an event stream until `text` has arrived; returns everything read so far. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string, sofar = ''): Promise<string> {
  const decoder = new TextDecoder();
  while (!sofar.includes(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before ${JSON.stringify(text)} arrived; got ${JSON.stringify(sofar)}`);
    sofar += decoder.decode(value, { stream: true });
  }
  return sofar;
}

describe('Server-Sent Events through the gateway', () => {
  let timeline: FakeService;
  let gateway: RunningGateway;
  /** Each open upstream stream: send the next event, and learn when its client went away. */
  const streams: Array<{ send(text: string): void; end(): void; gone: Promise<void>; ended: boolean }> = [];

  beforeAll(async () => {
    timeline = await fakeService('timeline', (request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      response.write('id: 1\nevent: tweet\ndata: {"id":"first"}\n\n');
      const stream = {
        ended: false,
        send: (text: string) => response.write(text),
        end: () => {
          stream.ended = true;
          response.end();
        },
        gone: new Promise<void>((resolve) => response.on('close', () => resolve())),
      };
      streams.push(stream);
    });
    gateway = await startGateway({ TIMELINE_URL: timeline.url });
  });
  afterAll(async () => {
    await gateway?.close();
    await timeline?.close();
  });

  it('delivers each event as the service sends it, before the stream ends', async () => {
    const response = await fetch(`${gateway.url}/api/v2/streaming/home`, { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.getReader();

    let received = await readUntil(reader, '{"id":"first"}');
    const upstream = streams.at(-1)!;
    expect(upstream.ended).toBe(false);

    upstream.send('id: 2\nevent: tweet\ndata: {"id":"second"}\n\n');
    received = await readUntil(reader, '{"id":"second"}', received);
    expect(upstream.ended).toBe(false);

    upstream.end();
    for (;;) if ((await reader.read()).done) break;
    expect(received).toContain('id: 1\nevent: tweet\n');
  });

  it('stops the upstream stream when the client goes away', async () => {
    const client = new AbortController();
    const response = await fetch(`${gateway.url}/api/v2/streaming/home`, { signal: client.signal });
    await readUntil(response.body!.getReader(), '{"id":"first"}');
    const upstream = streams.at(-1)!;

    client.abort();
    await upstream.gone;
    expect(upstream.ended).toBe(false);
  });
});

describe('shutting the gateway down', () => {
  it('ends open event streams instead of waiting for them forever', async () => {
    let upstreamGone!: Promise<void>;
    const timeline = await fakeService('timeline', (_request, response) => {
      upstreamGone = new Promise((resolve) => response.on('close', () => resolve()));
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(': connected\n\n');
    });
    const gateway = await startGateway({ TIMELINE_URL: timeline.url });
    try {
      const response = await fetch(`${gateway.url}/api/v2/streaming/home`);
      const reader = response.body!.getReader();
      await readUntil(reader, ': connected');

      await gateway.close();
      await upstreamGone;
      // The client sees the stream end (and would reconnect), not an error.
      for (;;) if ((await reader.read()).done) break;
    } finally {
      await timeline.close();
    }
  });
});
