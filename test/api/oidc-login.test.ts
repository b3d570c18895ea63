import { generateKeyPair, type JWTPayload } from 'jose';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contractChecker } from '../support/contract.js';
import { startOidcIssuer, type OidcIssuer } from '../support/oidc-issuer.js';
import { inEachStorageMode, PASSWORD, useStarling } from '../support/starling.js';

/*
 * Signing in with an external OpenID Connect provider, over HTTP: a real provider
 * (oidc-provider) runs in the test process, Starling is asked through inject(). A second
 * provider stands for "another issuer". Each forged flow must end on the login page
 * with an error code, with no session cookie and no account made.
 */
const PUBLIC_URL = 'http://starling.test';
const callback = (id: string) => `${PUBLIC_URL}/api/v1/auth/oidc/${id}/callback`;

inEachStorageMode('sign-in with an external provider (OIDC)', (mode) => {
  let issuer: OidcIssuer;
  let other: OidcIssuer;
  // Sign-ups from one address: enough for every other test here, few enough to run out below.
  const SIGN_UPS = 25;
  const env: Record<string, string> = { PUBLIC_URL, SIGNUP_RATE_LIMIT: `${SIGN_UPS}/3600` };
  beforeAll(async () => {
    issuer = await startOidcIssuer({ redirectUris: [callback('test')] });
    other = await startOidcIssuer({ redirectUris: [callback('other')] });
    env.OIDC_PROVIDERS = JSON.stringify([issuer.provider('test', 'Test ID'), other.provider('other', 'Other ID')]);
  });
  afterAll(async () => {
    await issuer?.close();
    await other?.close();
  });
  const s = useStarling(mode, env);
  let expectContract: ReturnType<typeof contractChecker> | undefined;
  beforeAll(async () => {
    expectContract = contractChecker((await s.request({ url: '/openapi.json' })).json());
  });

  const cookieOf = (res: LightMyRequestResponse, name: string) =>
    (res.cookies as Array<{ name: string; value: string }>).find((c) => c.name === name && c.value !== '')?.value;

  /** Asks Starling to start a flow: the provider's authorization URL and the browser's flow cookie. */
  async function start(provider = 'test', init: { token?: string } = {}) {
    const url = `/api/v1/auth/oidc/${provider}${init.token ? '?link=true' : ''}`;
    const res = await s.request({ url, ...(init.token ? { token: init.token } : {}) });
    expectContract?.('GET', url, res);
    expect(res.statusCode, res.body).toBe(302);
    return { authorization: new URL(res.headers.location as string), flowCookie: cookieOf(res, 'starling_oidc')! };
  }

  /** Brings the provider's answer back to Starling, as the browser would (with its flow cookie, if given). */
  async function finish(at: URL, flowCookie: string | undefined, from?: string) {
    expect(at.origin + at.pathname).toMatch(/^http:\/\/starling\.test\/api\/v1\/auth\/oidc\/\w+\/callback$/);
    const res = await s.request({
      url: at.pathname + at.search,
      ...(from ? { remoteAddress: from } : {}),
      ...(flowCookie ? { cookies: { starling_oidc: flowCookie } } : {}),
    });
    expectContract?.('GET', at.pathname + at.search, res);
    return res;
  }

  /** The whole flow as `sub`: the callback's answer and the session cookie it set, if any. */
  async function signIn(
    sub: string,
    options: { provider?: string; token?: string; at?: OidcIssuer; from?: string } = {},
  ) {
    const { authorization, flowCookie } = await start(options.provider, options);
    const back = await (options.at ?? issuer).signIn(authorization.href, sub);
    const res = await finish(back, flowCookie, options.from);
    return { res, session: cookieOf(res, 'starling_session'), back, flowCookie };
  }

  const me = async (session: string) => {
    const res = await s.request({ url: '/api/v1/auth/me', cookies: { starling_session: session } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; username: string; email: string; email_verified: boolean; name: string };
  };
  const methods = async (token: { session?: string; token?: string }) => {
    const res = await s.request({
      url: '/api/v1/auth/identities',
      ...(token.token ? { token: token.token } : { cookies: { starling_session: token.session! } }),
    });
    expectContract?.('GET', '/api/v1/auth/identities', res);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { has_password: boolean; identities: Array<{ id: string; provider: string }> };
  };
  const exists = async (username: string) =>
    (await s.request({ url: `/api/v1/users/lookup?username=${username}` })).statusCode === 200;

  /** A refused flow: back to the login page with `code`, no session, and no account for `username`. */
  async function expectRefused(res: LightMyRequestResponse, code: string, username: string) {
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/login?error=${code}`);
    expect(cookieOf(res, 'starling_session')).toBeUndefined();
    expect(await exists(username)).toBe(false);
  }

  it('lists the configured providers for the sign-in buttons, and no secret', async () => {
    const res = await s.request({ url: '/api/v1/auth/providers' });
    expectContract?.('GET', '/api/v1/auth/providers', res);
    expect(res.json()).toEqual([
      { id: 'test', name: 'Test ID' },
      { id: 'other', name: 'Other ID' },
    ]);
    expect(res.body).not.toContain(issuer.clientSecret);
  });

  it('sends the browser to the provider with PKCE (S256), state, nonce and the registered redirect URI', async () => {
    const { authorization, flowCookie } = await start();
    expect(authorization.origin).toBe(issuer.url);
    const q = authorization.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('redirect_uri')).toBe(callback('test'));
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('nonce')).toBeTruthy();
    expect(q.get('state')).toBe(flowCookie);
  });

  it('a first sign-in makes an account with a free username and no password; the next signs in to it', async () => {
    issuer.addAccount({ sub: 'ada-1', email: 'ada@lovelace.test', email_verified: true, preferred_username: 'ada' });
    const first = await signIn('ada-1');
    expect(first.res.statusCode, first.res.body).toBe(303);
    expect(first.res.headers.location).toBe('/');
    expect(first.session).toBeDefined();
    const ada = await me(first.session!);
    expect(ada).toMatchObject({ username: 'ada', email: 'ada@lovelace.test', email_verified: true });
    expect(await methods({ session: first.session! })).toMatchObject({
      has_password: false,
      identities: [{ provider: 'test' }],
    });
    // No password: password login is impossible, whatever is tried.
    for (const password of ['', PASSWORD]) {
      const login = await s.request({ method: 'POST', url: '/api/v1/auth/login', json: { username: 'ada', password } });
      expect(login.statusCode).not.toBe(200);
    }

    const second = await signIn('ada-1');
    expect(second.res.headers.location).toBe('/');
    expect((await me(second.session!)).id).toBe(ada.id);
  });

  it('a taken username gets a suffix; an email the provider did not verify stays unconfirmed', async () => {
    await s.signUp('grace');
    issuer.addAccount({ sub: 'grace-2', email: 'g2@navy.test', email_verified: false, preferred_username: 'Grace' });
    const { session } = await signIn('grace-2');
    expect(await me(session!)).toMatchObject({ username: 'Grace_2', email: 'g2@navy.test', email_verified: false });
  });

  it('an address another account holds is not taken over: refused, and its owner links instead', async () => {
    const owner = await s.signUp('linus');
    issuer.addAccount({
      sub: 'linus-x',
      email: 'linus@example.com',
      email_verified: true,
      preferred_username: 'torvalds',
    });
    await expectRefused((await signIn('linus-x')).res, 'email_in_use', 'torvalds');

    // Signed in, the owner links the identity; then it signs in to their account.
    const linked = await signIn('linus-x', { token: owner.token });
    expect(linked.res.statusCode).toBe(303);
    expect(linked.res.headers.location).toBe('/settings?linked=test');
    expect(linked.session).toBeUndefined();
    const { identities, has_password } = await methods({ token: owner.token });
    expect({ has_password, providers: identities.map((i) => i.provider) }).toEqual({
      has_password: true,
      providers: ['test'],
    });
    expect((await me((await signIn('linus-x')).session!)).id).toBe(owner.id);

    // An identity linked to one account cannot be linked to another.
    const someoneElse = await s.signUp('mallory_l');
    const stolen = await signIn('linus-x', { token: someoneElse.token });
    expect(stolen.res.headers.location).toBe('/settings?error=identity_in_use');
    expect((await methods({ token: someoneElse.token })).identities).toEqual([]);

    // Unlinked (a password remains), the identity no longer signs in to the account.
    const unlink = await s.request({
      method: 'DELETE',
      url: `/api/v1/auth/identities/${identities[0]!.id}`,
      token: owner.token,
    });
    expect(unlink.statusCode, unlink.body).toBe(204);
    expect((await methods({ token: owner.token })).identities).toEqual([]);
    await expectRefused((await signIn('linus-x')).res, 'email_in_use', 'torvalds');
  });

  it('refuses to unlink the last way to sign in (409), and someone else’s identity (404)', async () => {
    issuer.addAccount({ sub: 'solo', email: 'solo@example.test', email_verified: true, preferred_username: 'solo' });
    const { session } = await signIn('solo');
    const [only] = (await methods({ session: session! })).identities;
    const csrf = { starling_session: session! };
    // A cookie-authenticated write echoes the CSRF cookie: use the bearer form of the same token.
    const last = await s.request({ method: 'DELETE', url: `/api/v1/auth/identities/${only!.id}`, token: session! });
    expectContract?.('DELETE', `/api/v1/auth/identities/${only!.id}`, last);
    expect(last.statusCode, last.body).toBe(409);
    expect(last.json().detail).toMatch(/only way to sign in/);
    expect((await methods({ session: csrf.starling_session })).identities).toHaveLength(1);

    const stranger = await s.signUp('stranger');
    const theirs = await s.request({
      method: 'DELETE',
      url: `/api/v1/auth/identities/${only!.id}`,
      token: stranger.token,
    });
    expect(theirs.statusCode).toBe(404);
  });

  it('refuses a forged state, and a callback from a browser that did not start the flow', async () => {
    issuer.addAccount({
      sub: 'eve-state',
      email: 'eve1@example.test',
      email_verified: true,
      preferred_username: 'eve_state',
    });
    const { authorization, flowCookie } = await start();
    const back = await issuer.signIn(authorization.href, 'eve-state');
    const forged = new URL(back);
    forged.searchParams.set('state', 'forged-state');
    await expectRefused(await finish(forged, flowCookie), 'invalid_state', 'eve_state');
    // The real answer, in another browser (no flow cookie): refused as well.
    await expectRefused(await finish(back, undefined), 'invalid_state', 'eve_state');
  });

  it('refuses a replayed callback and a replayed code', async () => {
    issuer.addAccount({
      sub: 'replay',
      email: 'replay@example.test',
      email_verified: true,
      preferred_username: 'replay',
    });
    const used = await signIn('replay');
    expect(used.res.headers.location).toBe('/');
    const account = await me(used.session!);
    // The same callback again: its flow is spent.
    const again = await finish(used.back, used.flowCookie);
    expect(again.headers.location).toBe('/login?error=invalid_state');
    expect(cookieOf(again, 'starling_session')).toBeUndefined();
    // The used code in a fresh flow of this browser: the provider refuses it.
    const fresh = await start();
    const replayed = new URL(used.back);
    replayed.searchParams.set('state', fresh.flowCookie);
    const res = await finish(replayed, fresh.flowCookie);
    expect(res.headers.location).toBe('/login?error=invalid_response');
    expect(cookieOf(res, 'starling_session')).toBeUndefined();
    expect((await me(used.session!)).id).toBe(account.id);
  });

  it('refuses an ID token whose nonce is not the flow’s', async () => {
    issuer.addAccount({
      sub: 'eve-nonce',
      email: 'eve2@example.test',
      email_verified: true,
      preferred_username: 'eve_nonce',
    });
    const { authorization, flowCookie } = await start();
    authorization.searchParams.set('nonce', 'a-nonce-of-the-attackers-choosing');
    const back = await issuer.signIn(authorization.href, 'eve-nonce');
    await expectRefused(await finish(back, flowCookie), 'invalid_response', 'eve_nonce');
  });

  it('refuses a code issued for another PKCE challenge', async () => {
    issuer.addAccount({
      sub: 'eve-pkce',
      email: 'eve3@example.test',
      email_verified: true,
      preferred_username: 'eve_pkce',
    });
    const { authorization, flowCookie } = await start();
    authorization.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const back = await issuer.signIn(authorization.href, 'eve-pkce');
    await expectRefused(await finish(back, flowCookie), 'invalid_response', 'eve_pkce');
  });

  const forgeries: Array<[string, (claims: JWTPayload) => JWTPayload, () => Promise<'own' | 'other' | 'stranger'>]> = [
    ['from another issuer', (c) => ({ ...c, iss: other.url }), async () => 'other'],
    ['for another audience', (c) => ({ ...c, aud: 'another-client' }), async () => 'own'],
    [
      'that has expired',
      (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }),
      async () => 'own',
    ],
    ['signed with a key not in the issuer’s JWKS', (c) => c, async () => 'stranger'],
  ];
  for (const [what, change, signer] of forgeries) {
    it(`refuses an ID token ${what}`, async () => {
      const sub = `eve-${what.replace(/\W+/g, '-')}`;
      const username = sub.replace(/-/g, '_').slice(0, 30);
      issuer.addAccount({ sub, email: `${sub}@example.test`, email_verified: true, preferred_username: username });
      const by = await signer();
      const key =
        by === 'other'
          ? other.signingKey
          : by === 'stranger'
            ? { key: (await generateKeyPair('RS256')).privateKey, kid: issuer.signingKey.kid }
            : issuer.signingKey;
      issuer.forgeNextIdToken(change, key);
      await expectRefused((await signIn(sub)).res, 'invalid_response', username);
    });
  }

  it('sends an unknown provider back to the login page', async () => {
    const res = await s.request({ url: '/api/v1/auth/oidc/nowhere' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/login?error=unknown_provider');
  });

  it('counts a first sign-in against the address’s sign-ups, as a password sign-up is, but not a returning one', async () => {
    const from = '10.9.9.9';
    const person = (sub: string) =>
      issuer.addAccount({
        sub,
        email: `${sub}@crowd.test`,
        email_verified: true,
        preferred_username: sub.replace(/-/g, '_'),
      });
    for (let i = 0; i <= SIGN_UPS; i++) person(i === SIGN_UPS ? 'crowd-one-too-many' : `crowd-${i}`);
    for (let i = 0; i < SIGN_UPS; i++) {
      expect((await signIn(`crowd-${i}`, { from })).session, `sign-up ${i + 1}`).toBeDefined();
    }
    await expectRefused((await signIn('crowd-one-too-many', { from })).res, 'too_many_sign_ups', 'crowd_one_too_many');
    // Someone who has an account still signs in from there.
    expect((await signIn('crowd-0', { from })).session).toBeDefined();
  });
});
