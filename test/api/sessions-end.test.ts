import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inEachStorageMode, startStarling, type Starling } from '../support/starling.js';

/** Opens the caller's live home stream; `ended` settles when the server closes it. */
async function openStream(base: string, token: string) {
  const res = await fetch(`${base}/api/v2/streaming/home`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const ended = (async () => {
    const reader = res.body!.getReader();
    try {
      while (!(await reader.read()).done);
    } catch {
      // a dropped connection ends it as well
    }
    return Date.now();
  })();
  return { ended };
}

/** Resolves with how long the stream took to end, or rejects after `ms`. */
async function endsWithin(stream: { ended: Promise<number> }, ms: number): Promise<number> {
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the stream was still open after ${ms} ms`)), ms);
  });
  try {
    return (await Promise.race([stream.ended, timeout])) - start;
  } finally {
    clearTimeout(timer);
  }
}

const login = async (s: Starling, username: string, password = 'correct horse battery') =>
  (await s.request({ method: 'POST', url: '/api/v1/auth/login', json: { username, password } })).json()
    .access_token as string;

inEachStorageMode('sessions that end', (mode) => {
  let s: Starling;
  let base: string;

  beforeAll(async () => {
    s = await startStarling(mode, { STREAM_POLL_MS: '100' });
    await s.platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(s.platform.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => s?.close());

  const me = (token: string) => s.request({ url: '/api/v1/auth/me', token });

  it('changing the password ends every other session and its live stream; the changing one stays', async () => {
    const ada = await s.signUp('ends_ada');
    const other = await login(s, 'ends_ada');
    const stream = await openStream(base, other);
    const changed = await s.request({
      method: 'PUT',
      url: `/api/v1/users/${ada.id}`,
      token: ada.token,
      json: { password: 'a brand new secret', current_password: 'correct horse battery' },
    });
    expect(changed.statusCode).toBe(200);
    await endsWithin(stream, 5000);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(ada.token)).statusCode).toBe(200);
    expect((await me(await login(s, 'ends_ada', 'a brand new secret'))).statusCode).toBe(200);
  });

  it('logging out closes the session’s live stream within a few seconds', async () => {
    const bea = await s.signUp('ends_bea');
    const stream = await openStream(base, bea.token);
    expect((await s.request({ method: 'POST', url: '/api/v1/auth/logout', token: bea.token })).statusCode).toBe(204);
    await endsWithin(stream, 5000);
  });

  it('deleting the account closes its live streams', async () => {
    const cy = await s.signUp('ends_cy');
    const stream = await openStream(base, cy.token);
    expect((await s.request({ method: 'DELETE', url: `/api/v1/users/${cy.id}`, token: cy.token })).statusCode).toBe(
      204,
    );
    await endsWithin(stream, 5000);
  });
});

it('a live stream ends when its token expires', async () => {
  const s = await startStarling({ postgres: false }, { ACCESS_TOKEN_TTL: '3', STREAM_POLL_MS: '100' });
  try {
    await s.platform.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(s.platform.app.server.address() as AddressInfo).port}`;
    const di = await s.signUp('ends_di');
    const stream = await openStream(base, di.token);
    const took = await endsWithin(stream, 8000);
    expect(took).toBeGreaterThan(500);
  } finally {
    await s.close();
  }
});
