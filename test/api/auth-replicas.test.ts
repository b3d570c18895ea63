import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modeIsAvailable, modeTitle, startStarling, storageModes, type Starling } from '../support/starling.js';

const postgres = storageModes.find((m) => m.postgres)!;

/**
 * Two processes on one database, as behind a load balancer: a logout or an account
 * deletion handled by one must end the same tokens on the other, which verifies
 * tokens without asking identity.
 */
describe.skipIf(!modeIsAvailable(postgres))(`revocation across replicas on ${modeTitle(postgres)}`, () => {
  let a: Starling;
  let b: Starling;
  beforeAll(async () => {
    a = await startStarling(postgres);
    b = await startStarling(postgres, {}, { databaseUrl: a.databaseUrl! });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const tweetOn = (s: Starling, token: string) =>
    s.request({ method: 'POST', url: '/api/v2/tweets', token, json: { body: 'still me?' } });

  it('a logout on one replica ends the session on the other', async () => {
    const ada = await a.signUp('replica_ada');
    expect((await tweetOn(b, ada.token)).statusCode).toBe(201);
    expect((await a.request({ method: 'POST', url: '/api/v1/auth/logout', token: ada.token })).statusCode).toBe(204);
    await b.platform.bus.drain();
    expect((await tweetOn(b, ada.token)).statusCode).toBe(401);
    expect((await b.request({ url: '/api/v1/auth/me', token: ada.token })).statusCode).toBe(401);
  });

  it('deleting an account on one replica refuses its tokens on the other', async () => {
    const bob = await a.signUp('replica_bob');
    const other = await a.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      json: { username: 'replica_bob', password: 'correct horse battery' },
    });
    const second = other.json().access_token as string;
    expect((await a.request({ method: 'DELETE', url: `/api/v1/users/${bob.id}`, token: bob.token })).statusCode).toBe(
      204,
    );
    await b.platform.bus.drain();
    expect((await tweetOn(b, second)).statusCode).toBe(401);
  });

  it('a replica started after a logout still refuses that session', async () => {
    const cy = await a.signUp('replica_cy');
    await a.request({ method: 'POST', url: '/api/v1/auth/logout', token: cy.token });
    const late = await startStarling(postgres, {}, { databaseUrl: a.databaseUrl! });
    try {
      expect((await tweetOn(late, cy.token)).statusCode).toBe(401);
    } finally {
      await late.close();
    }
  });
});

/**
 * Login failures are counted in the database: a replica, or a process started after a
 * restart, refuses an address that failed too often on another.
 */
describe.skipIf(!modeIsAvailable(postgres))(`login throttling across replicas on ${modeTitle(postgres)}`, () => {
  let a: Starling;
  let b: Starling;
  beforeAll(async () => {
    a = await startStarling(postgres, { LOGIN_RATE_LIMIT: '3/60' });
    b = await startStarling(postgres, { LOGIN_RATE_LIMIT: '3/60' }, { databaseUrl: a.databaseUrl! });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('failures counted by one replica are refused by the other', async () => {
    await a.signUp('throttled_tom');
    const login = (s: Starling, password: string) =>
      s.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        json: { username: 'throttled_tom', password },
        remoteAddress: '10.5.0.1',
      });
    for (let i = 0; i < 3; i++) expect((await login(a, 'wrong password')).statusCode).toBe(401);
    expect((await login(b, 'correct horse battery')).statusCode).toBe(429);
  });
});
