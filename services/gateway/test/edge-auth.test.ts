import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeService, problemOf, refusingUrl, startGateway, type FakeService, type RunningGateway } from './fakes.js';

const KID = 'key-1';

async function keyPair() {
  return generateKeyPair('ES256', { extractable: true });
}

function token(key: CryptoKey, claims: { issuer?: string; audience?: string; expires?: string; kid?: string } = {}) {
  return new SignJWT({ username: 'ada', role: 'user', sid: 'session-1', csrf: 'digest' })
    .setProtectedHeader({ alg: 'ES256', kid: claims.kid ?? KID })
    .setSubject('01HZXUSER')
    .setIssuer(claims.issuer ?? 'starling')
    .setAudience(claims.audience ?? 'starling')
    .setIssuedAt()
    .setExpirationTime(claims.expires ?? '5m')
    .sign(key);
}

describe('bearer tokens at the edge', () => {
  let keys: Awaited<ReturnType<typeof keyPair>>;
  let identity: FakeService;
  let tweets: FakeService;
  let gateway: RunningGateway;

  beforeAll(async () => {
    keys = await keyPair();
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: KID, alg: 'ES256', use: 'sig' };
    identity = await fakeService('identity', (_request, response, seen) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(seen.url === '/api/v1/auth/jwks' ? { keys: [jwk] } : { service: 'identity' }));
    });
    tweets = await fakeService('tweets');
    gateway = await startGateway({ IDENTITY_URL: identity.url, TWEETS_URL: tweets.url });
  });
  afterAll(async () => {
    await gateway?.close();
    await identity?.close();
    await tweets?.close();
  });

  const tweetsWith = (authorization: string) =>
    fetch(`${gateway.url}/api/v2/tweets/01HZX`, { headers: { authorization } });

  it('refuses a garbage bearer token with 401, without calling the service', async () => {
    const before = tweets.seen.length;
    const response = await tweetsWith('Bearer not-a-token');
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="starling"');
    const body = await problemOf(response, 401);
    expect(body).toMatchObject({ title: 'Unauthorized', detail: 'The access token is invalid or has expired.' });
    expect(tweets.seen.length).toBe(before);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const body = await problemOf(await tweetsWith('Basic YWRhOnB3'), 401);
    expect(body.detail).toBe('The Authorization header must be "Bearer <token>".');
  });

  it('passes a valid token on to the service, untouched', async () => {
    const valid = await token(keys.privateKey);
    const response = await tweetsWith(`Bearer ${valid}`);
    expect(response.status).toBe(200);
    expect(tweets.seen.at(-1)!.headers.authorization).toBe(`Bearer ${valid}`);
  });

  it('refuses tokens from another issuer, for another audience, expired, or signed with another key', async () => {
    const other = await keyPair();
    const before = tweets.seen.length;
    for (const bad of [
      await token(keys.privateKey, { issuer: 'someone-else' }),
      await token(keys.privateKey, { audience: 'elsewhere' }),
      await token(keys.privateKey, { expires: '1 minute ago' }),
      await token(other.privateKey),
      await token(other.privateKey, { kid: 'unknown-key' }),
    ]) {
      await problemOf(await tweetsWith(`Bearer ${bad}`), 401);
    }
    expect(tweets.seen.length).toBe(before);
  });

  it('lets anyone log in and read the keys, whatever they send', async () => {
    const login = await fetch(`${gateway.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { authorization: 'Bearer stale', 'content-type': 'application/json' },
      body: '{"username":"ada","password":"pw"}',
    });
    expect(login.status).toBe(200);
    const jwks = await fetch(`${gateway.url}/api/v1/auth/jwks`, { headers: { authorization: 'Bearer stale' } });
    expect(((await jwks.json()) as { keys: unknown[] }).keys).toHaveLength(1);
  });

  it('leaves cookies to the services: a stale one is an anonymous visitor', async () => {
    const response = await fetch(`${gateway.url}/api/v2/tweets/01HZX`, {
      headers: { cookie: 'starling_session=garbage' },
    });
    expect(response.status).toBe(200);
    expect(tweets.seen.at(-1)!.headers.cookie).toBe('starling_session=garbage');
  });
});

describe('bearer tokens while identity is down', () => {
  it('answers 503, not 401, and still serves anonymous requests', async () => {
    const { privateKey } = await keyPair();
    const tweets = await fakeService('tweets');
    const gateway = await startGateway({ IDENTITY_URL: await refusingUrl(), TWEETS_URL: tweets.url });
    try {
      const response = await fetch(`${gateway.url}/api/v2/tweets/01HZX`, {
        headers: { authorization: `Bearer ${await token(privateKey)}` },
      });
      expect((await problemOf(response, 503)).detail).toMatch(/identity service is unavailable/);
      expect(tweets.seen.length).toBe(0);
      expect((await fetch(`${gateway.url}/api/v2/tweets/01HZX`)).status).toBe(200);
    } finally {
      await gateway.close();
      await tweets.close();
    }
  });
});
