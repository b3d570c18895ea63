import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeService, startGateway, type FakeService, type RunningGateway } from './fakes.js';

/** A token as identity signs it; an app's carries `client_id` and `scope` as well. */
function token(key: CryptoKey, app: boolean) {
  return new SignJWT({
    username: 'ada',
    role: 'user',
    sid: 'session-1',
    csrf: 'digest',
    ...(app ? { client_id: 'an-app', scope: 'read write' } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', kid: 'key-1' })
    .setSubject('01HZXUSER')
    .setIssuer('starling')
    .setAudience('starling')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

describe('the paths Starling shares with Mastodon', () => {
  const services: Record<string, FakeService> = {};
  let gateway: RunningGateway;
  let own = '';
  let app = '';

  beforeAll(async () => {
    const keys = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' };
    services.identity = await fakeService('identity', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    for (const name of ['timeline', 'media', 'mastodon']) services[name] = await fakeService(name);
    gateway = await startGateway({
      IDENTITY_URL: services.identity.url,
      TIMELINE_URL: services.timeline.url,
      MEDIA_URL: services.media.url,
      MASTODON_URL: services.mastodon.url,
    });
    own = await token(keys.privateKey, false);
    app = await token(keys.privateKey, true);
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all(Object.values(services).map((s) => s.close()));
  });

  const serviceFor = async (method: string, path: string, headers: Record<string, string>) => {
    const response = await fetch(`${gateway.url}${path}`, { method, headers });
    expect(response.status).toBe(200);
    return ((await response.json()) as { service: string }).service;
  };

  it("sends an app's token to Mastodon's search and upload, every other request to Starling's", async () => {
    expect(await serviceFor('GET', '/api/v2/search?q=x', { authorization: `Bearer ${app}` })).toBe('mastodon');
    expect(await serviceFor('POST', '/api/v2/media', { authorization: `Bearer ${app}` })).toBe('mastodon');
    expect(await serviceFor('GET', '/api/v2/search?q=x', { authorization: `Bearer ${own}` })).toBe('timeline');
    expect(await serviceFor('POST', '/api/v2/media', { authorization: `Bearer ${own}` })).toBe('media');
    expect(await serviceFor('GET', '/api/v2/search?q=x', {})).toBe('timeline');
    // The mastodon service asks for Starling's own operation when it calls it for an app.
    const asOwn = { authorization: `Bearer ${app}`, 'x-starling-own-api': '1' };
    expect(await serviceFor('GET', '/api/v2/search?q=x', asOwn)).toBe('timeline');
  });
});
