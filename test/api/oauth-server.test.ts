import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { contractChecker } from '../support/contract.js';
import { inEachStorageMode, useStarling, type RequestOptions } from '../support/starling.js';

const OOB = 'urn:ietf:wg:oauth:2.0:oob';
const CALLBACK = 'https://app.example/callback';

interface Application {
  id: string;
  name: string;
  client_id: string;
  client_secret: string;
  client_secret_expires_at: number;
  redirect_uri: string;
  redirect_uris: string[];
  scopes: string[];
  vapid_key: string;
}

interface TokenAnswer {
  access_token: string;
  refresh_token?: string;
  scope: string;
  token_type: string;
  error?: string;
}

const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

inEachStorageMode('OAuth 2 authorization server', (mode) => {
  const s = useStarling(mode);
  let expectContract: ReturnType<typeof contractChecker>;
  beforeAll(async () => {
    expectContract = contractChecker((await s.request({ url: '/openapi.json' })).json());
  });
  /** A request whose answer must keep the contract. */
  const call = async (options: RequestOptions) => {
    const res = await s.request(options);
    expectContract(options.method ?? 'GET', options.url, res);
    return res;
  };

  const register = async (scopes = 'read write follow', redirectUris: string | string[] = [CALLBACK, OOB]) => {
    const res = await call({
      method: 'POST',
      url: '/api/v1/apps',
      json: { client_name: 'Tusky', redirect_uris: redirectUris, scopes, website: 'https://tusky.example' },
    });
    expect(res.statusCode).toBe(200);
    return res.json<Application>();
  };

  /** The user's Authorize on the consent page, as the web app posts it. */
  const consent = async (userToken: string, app: Application, extra: Record<string, string | boolean> = {}) =>
    call({
      method: 'POST',
      url: '/oauth/authorize',
      token: userToken,
      json: { client_id: app.client_id, redirect_uri: CALLBACK, response_type: 'code', approve: true, ...extra },
    });

  const codeFrom = (redirectTo: string) => new URL(redirectTo).searchParams.get('code')!;

  const exchange = (app: Application, fields: Record<string, string>) =>
    call({
      method: 'POST',
      url: '/oauth/token',
      ...form({ client_id: app.client_id, client_secret: app.client_secret, ...fields }),
    });

  /** An app token for `user` with `scope`, through the authorization code grant. */
  const appToken = async (userToken: string, scope: string, app?: Application) => {
    const registered = app ?? (await register());
    const res = await consent(userToken, registered, { scope });
    const token = await exchange(registered, {
      grant_type: 'authorization_code',
      code: codeFrom(res.json().redirect_to),
      redirect_uri: CALLBACK,
    });
    expect(token.statusCode).toBe(200);
    return token.json<TokenAnswer>();
  };

  it('registers apps from JSON and from a form, in Mastodon’s Application shape', async () => {
    const app = await register('read write:statuses');
    expect(app).toMatchObject({
      name: 'Tusky',
      scopes: ['read', 'write:statuses'],
      redirect_uris: [CALLBACK, OOB],
      redirect_uri: `${CALLBACK}\n${OOB}`,
      client_secret_expires_at: 0,
      vapid_key: '',
    });
    expect(app.client_id).toBeTruthy();
    expect(app.client_secret).toBeTruthy();

    const res = await call({
      method: 'POST',
      url: '/api/v1/apps',
      ...form({ client_name: 'Elk', redirect_uris: `${CALLBACK}\nhttps://elk.example/cb` }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Elk',
      scopes: ['read'],
      redirect_uris: [CALLBACK, 'https://elk.example/cb'],
    });

    const bad = await call({
      method: 'POST',
      url: '/api/v1/apps',
      json: { client_name: 'X', redirect_uris: 'not a uri', scopes: 'read' },
    });
    expect(bad.statusCode).toBe(422);
    const badScope = await call({
      method: 'POST',
      url: '/api/v1/apps',
      json: { client_name: 'X', redirect_uris: OOB, scopes: 'admin' },
    });
    expect(badScope.statusCode).toBe(422);
  });

  it('runs the authorization code flow with PKCE, once per code, for the registered redirect URI only', async () => {
    const ada = await s.signUp('oauth_ada');
    const app = await register();

    const details = await call({
      url: `/api/v1/oauth/authorize/details?client_id=${app.client_id}&redirect_uri=${encodeURIComponent(CALLBACK)}&scope=read+write:statuses`,
    });
    expect(details.statusCode).toBe(200);
    expect(details.json()).toMatchObject({
      app: { name: 'Tusky' },
      scopes: [{ scope: 'read' }, { scope: 'write:statuses' }],
    });
    const forged = await call({
      url: `/api/v1/oauth/authorize/details?client_id=${app.client_id}&redirect_uri=${encodeURIComponent('https://evil.example/')}`,
    });
    expect(forged.statusCode).toBe(400);

    const { verifier, challenge } = pkce();
    const res = await consent(ada.token, app, {
      scope: 'read write:statuses',
      state: 'xyz',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(res.statusCode).toBe(200);
    const redirect = new URL(res.json().redirect_to);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(CALLBACK);
    expect(redirect.searchParams.get('state')).toBe('xyz');
    const code = redirect.searchParams.get('code')!;

    const wrongVerifier = await exchange(app, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CALLBACK,
      code_verifier: pkce().verifier,
    });
    expect(wrongVerifier.statusCode).toBe(400);
    expect(wrongVerifier.json().error).toBe('invalid_grant');

    // A code is used up even by a failed exchange: a new consent for the real one.
    const again = await consent(ada.token, app, {
      scope: 'read',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const goodCode = codeFrom(again.json().redirect_to);
    const wrongRedirect = await exchange(app, {
      grant_type: 'authorization_code',
      code: goodCode,
      redirect_uri: 'https://app.example/other',
      code_verifier: verifier,
    });
    expect(wrongRedirect.statusCode).toBe(400);

    const third = await consent(ada.token, app, {
      scope: 'read',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const thirdCode = codeFrom(third.json().redirect_to);
    // JSON too, with the client authenticated by HTTP Basic.
    const basic = Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64');
    const token = await call({
      method: 'POST',
      url: '/oauth/token',
      headers: { authorization: `Basic ${basic}` },
      json: { grant_type: 'authorization_code', code: thirdCode, redirect_uri: CALLBACK, code_verifier: verifier },
    });
    expect(token.statusCode).toBe(200);
    expect(token.json()).toMatchObject({ token_type: 'Bearer', scope: 'read' });
    const me = await call({ url: '/api/v1/users/lookup?username=oauth_ada', token: token.json().access_token });
    expect(me.statusCode).toBe(200);

    const replay = await call({
      method: 'POST',
      url: '/oauth/token',
      headers: { authorization: `Basic ${basic}` },
      json: { grant_type: 'authorization_code', code: thirdCode, redirect_uri: CALLBACK, code_verifier: verifier },
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error).toBe('invalid_grant');
  });

  it('answers a denial with access_denied, and the out-of-band URI with the code to copy', async () => {
    const bea = await s.signUp('oauth_bea');
    const app = await register();
    const denied = await consent(bea.token, app, { approve: false, state: 's1' });
    const to = new URL(denied.json().redirect_to);
    expect(to.searchParams.get('error')).toBe('access_denied');
    expect(to.searchParams.get('state')).toBe('s1');

    const oob = await consent(bea.token, app, { redirect_uri: OOB });
    expect(oob.json().code).toBeTruthy();
    const token = await exchange(app, { grant_type: 'authorization_code', code: oob.json().code, redirect_uri: OOB });
    expect(token.statusCode).toBe(200);

    const unknown = await call({
      method: 'POST',
      url: '/oauth/authorize',
      token: bea.token,
      json: { client_id: app.client_id, redirect_uri: 'https://evil.example/', approve: true },
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('rotates refresh tokens: the old one is refused once used', async () => {
    const cai = await s.signUp('oauth_cai');
    const app = await register();
    const first = await appToken(cai.token, 'read', app);
    const refreshed = await exchange(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token! });
    expect(refreshed.statusCode).toBe(200);
    const second = refreshed.json<TokenAnswer>();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await call({ url: '/api/v2/timelines/home', token: second.access_token })).statusCode).toBe(200);

    const reused = await exchange(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token! });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error).toBe('invalid_grant');
  });

  it('gives an app a token of its own (client_credentials), which verify_credentials knows', async () => {
    const app = await register('read');
    const res = await exchange(app, { grant_type: 'client_credentials', scope: 'read' });
    expect(res.statusCode).toBe(200);
    const token = res.json<TokenAnswer>();
    expect(token.refresh_token).toBeUndefined();
    const verified = await call({ url: '/api/v1/apps/verify_credentials', token: token.access_token });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ name: 'Tusky', scopes: ['read'] });
    // It speaks for no user.
    expect((await call({ url: '/api/v1/auth/me', token: token.access_token })).statusCode).toBe(401);

    const dan = await s.signUp('oauth_dan');
    expect((await call({ url: '/api/v1/apps/verify_credentials', token: dan.token })).statusCode).toBe(401);

    const wrongSecret = await exchange({ ...app, client_secret: 'nope' }, { grant_type: 'client_credentials' });
    expect(wrongSecret.statusCode).toBe(400);
    expect(wrongSecret.json().error).toBe('invalid_client');
  });

  it('refuses the password grant unless an operator enables it', async () => {
    await s.signUp('oauth_eve');
    const app = await register();
    const res = await exchange(app, {
      grant_type: 'password',
      username: 'oauth_eve',
      password: 'correct horse battery',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('unsupported_grant_type');
  });

  it('revokes a token: every service refuses it at once, and so does the refresh token', async () => {
    const fay = await s.signUp('oauth_fay');
    const app = await register();
    const token = await appToken(fay.token, 'read write', app);
    expect((await call({ url: '/api/v2/timelines/home', token: token.access_token })).statusCode).toBe(200);

    const revoked = await call({
      method: 'POST',
      url: '/oauth/revoke',
      ...form({ client_id: app.client_id, client_secret: app.client_secret, token: token.access_token }),
    });
    expect(revoked.statusCode).toBe(200);
    await s.platform.bus.drain();
    expect((await call({ url: '/api/v2/timelines/home', token: token.access_token })).statusCode).toBe(401);
    const refresh = await exchange(app, { grant_type: 'refresh_token', refresh_token: token.refresh_token! });
    expect(refresh.json().error).toBe('invalid_grant');

    const noClient = await call({ method: 'POST', url: '/oauth/revoke', json: { token: token.access_token } });
    expect(noClient.statusCode).toBe(401);
  });

  it('lists the apps a user authorized, and revokes one', async () => {
    const gus = await s.signUp('oauth_gus');
    const hal = await s.signUp('oauth_hal');
    const token = await appToken(gus.token, 'read');
    const list = await call({ url: '/api/v1/oauth/authorizations', token: gus.token });
    expect(list.statusCode).toBe(200);
    const [authorization] = list.json().authorizations;
    expect(authorization).toMatchObject({ app: { name: 'Tusky', website: 'https://tusky.example' }, scopes: ['read'] });
    // An app cannot list or see its user's other apps.
    expect((await call({ url: '/api/v1/oauth/authorizations', token: token.access_token })).statusCode).toBe(403);

    const other = await call({
      method: 'DELETE',
      url: `/api/v1/oauth/authorizations/${authorization.id}`,
      token: hal.token,
    });
    expect(other.statusCode).toBe(404);
    const removed = await call({
      method: 'DELETE',
      url: `/api/v1/oauth/authorizations/${authorization.id}`,
      token: gus.token,
    });
    expect(removed.statusCode).toBe(204);
    await s.platform.bus.drain();
    expect((await call({ url: '/api/v2/timelines/home', token: token.access_token })).statusCode).toBe(401);
    expect((await call({ url: '/api/v1/oauth/authorizations', token: gus.token })).json().authorizations).toEqual([]);
  });

  it('publishes its metadata with S256 PKCE', async () => {
    const res = await call({ url: '/.well-known/oauth-authorization-server' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
    });
    expect(res.json().token_endpoint).toMatch(/\/oauth\/token$/);
    expect(res.json().scopes_supported).toContain('write:statuses');
  });

  it('holds an app to its scopes on every operation', async () => {
    const ivy = await s.signUp('oauth_ivy');
    const reader = await appToken(ivy.token, 'read');
    expect((await call({ url: '/api/v2/timelines/home', token: reader.access_token })).statusCode).toBe(200);
    const refused = await call({
      method: 'POST',
      url: '/api/v2/tweets',
      token: reader.access_token,
      json: { body: 'hi' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('This action is outside the authorized scopes');

    const writer = await appToken(ivy.token, 'write:statuses');
    const posted = await call({
      method: 'POST',
      url: '/api/v2/tweets',
      token: writer.access_token,
      json: { body: 'from an app' },
    });
    expect(posted.statusCode).toBe(201);
    // Operations never meant for apps refuse every app token, whatever its scopes.
    const everything = await appToken(ivy.token, 'read write follow');
    const deletion = await call({ method: 'DELETE', url: `/api/v1/users/${ivy.id}`, token: everything.access_token });
    expect(deletion.statusCode).toBe(403);
    // Starling's own session is not held to any scope.
    expect(
      (await call({ method: 'POST', url: '/api/v2/tweets', token: ivy.token, json: { body: 'mine' } })).statusCode,
    ).toBe(201);
  });
});
