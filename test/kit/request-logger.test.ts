import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger, serverOptions } from '@starling/kit';

/** A server with the options every Starling server has, logging to memory at `level`. */
async function server(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const log = createLogger({ LOG_LEVEL: level as 'info' }, sink);
  const app = Fastify(
    serverOptions({ BODY_LIMIT: 1024, TRUST_PROXY: false, REQUEST_TIMEOUT: 30 }, log as FastifyBaseLogger),
  );
  app.get('/quiet', async () => ({ ok: true }));
  app.get('/chatty', async (request) => {
    request.log.debug({ step: 1 }, 'below the level');
    request.log.warn({ step: 2, password: 'hunter22' }, 'worth a line');
    request.log.child({ part: 'inner' }).warn('from a child');
    return { enabled: (request.log as Logger).isLevelEnabled('debug'), level: request.log.level };
  });
  await app.ready();
  return { app, lines };
}

describe("a request's logger", () => {
  it('writes each line with the request id, through the redaction, at the server level', async () => {
    const { app, lines } = await server('info');
    const response = await app.inject({ url: '/chatty', headers: { 'x-request-id': 'req-42' } });
    expect(response.json()).toEqual({ enabled: false, level: 'info' });
    expect(lines.map((l) => [l.msg, l.reqId])).toEqual([
      ['worth a line', 'req-42'],
      ['from a child', 'req-42'],
    ]);
    expect(lines[0]).toMatchObject({ step: 2, password: '[redacted]' });
    expect(lines[1]).toMatchObject({ part: 'inner' });
    await app.close();
  });

  it('writes the lines below info when the server logs at debug', async () => {
    const { app, lines } = await server('debug');
    await app.inject({ url: '/chatty', headers: { 'x-request-id': 'req-43' } });
    expect(lines.find((l) => l.msg === 'below the level')).toMatchObject({ reqId: 'req-43', step: 1 });
    await app.close();
  });

  it('writes nothing for a request that logs nothing', async () => {
    const { app, lines } = await server('info');
    expect((await app.inject({ url: '/quiet' })).statusCode).toBe(200);
    expect(lines).toEqual([]);
    await app.close();
  });
});
