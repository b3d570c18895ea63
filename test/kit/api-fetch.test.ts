import { createServer, type Server } from 'node:net';
import { API_BASE_URL, apiFetch } from '@starling/kit';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * ctx.api: how an adapter service (mastodon) calls Starling's own API. The same call is
 * answered in-process when the path's service runs here, and by that service's replicas
 * when it runs elsewhere, skipping a replica that refuses the connection.
 */

function echoApp(name: string): FastifyInstance {
  const app = Fastify();
  app.get('/api/v2/things/:id', async (request, reply) =>
    reply
      .header('link', '<https://example.test/next>; rel="next"')
      .send({ id: (request.params as { id: string }).id, from: name, auth: request.headers.authorization ?? null }),
  );
  app.post('/api/v2/things', async (request, reply) => reply.code(201).send({ got: request.body, from: name }));
  app.delete('/api/v2/things/:id', async (_request, reply) => reply.code(204).send());
  return app;
}

describe('in-process', () => {
  const app = echoApp('here');
  const api = apiFetch(() => app);
  afterAll(() => app.close());

  it('answers a read with the status, headers and body the route sent, forwarding the caller’s token', async () => {
    const res = await api(`${API_BASE_URL}/api/v2/things/42`, { headers: { authorization: 'Bearer abc' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('link')).toContain('rel="next"');
    expect(await res.json()).toEqual({ id: '42', from: 'here', auth: 'Bearer abc' });
  });

  it('sends a JSON body, and answers a 204 with no body', async () => {
    const created = await api(`${API_BASE_URL}/api/v2/things`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ got: { name: 'x' }, from: 'here' });
    const deleted = await api(`${API_BASE_URL}/api/v2/things/1`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
  });
});

describe('on another process’s replicas', () => {
  const here = echoApp('here');
  const there = echoApp('there');
  let origin = '';
  let refused = '';
  let closed: Server;

  beforeAll(async () => {
    origin = await there.listen({ port: 0, host: '127.0.0.1' });
    // A port that was open a moment ago and is closed now: connections to it are refused.
    closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    refused = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await there.close();
    await here.close();
  });

  it('goes where the route says, and on to the next replica when one refuses the connection', async () => {
    const api = apiFetch(
      () => here,
      (path) => (path.startsWith('/api/v2/things') ? [refused, origin] : []),
    );
    for (let i = 0; i < 3; i++) {
      const res = await api(`${API_BASE_URL}/api/v2/things/7?x=1`, { headers: { authorization: 'Bearer t' } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id: '7', from: 'there', auth: 'Bearer t' });
    }
  });

  it('answers in-process a path the route sends nowhere', async () => {
    const api = apiFetch(
      () => here,
      () => [],
    );
    expect(await (await api(`${API_BASE_URL}/api/v2/things/1`)).json()).toMatchObject({ from: 'here' });
  });
});
