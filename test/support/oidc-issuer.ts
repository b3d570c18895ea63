import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import type { ParameterizedContext } from 'koa';
import Provider from 'oidc-provider';

/*
 * A real OpenID Connect provider (panva's oidc-provider) in the test process, on a free
 * loopback port, with one confidential client for Starling. Its sign-in page is a plain
 * form ("Account", "Sign in"): a browser fills it in, and `signIn` posts it over HTTP
 * with a cookie jar of its own. It can also be told to forge the next ID token it
 * issues, to show Starling refuses what a hostile provider (or a thief in between) sends.
 */

/** Someone who can sign in at the test provider, and the claims it tells about them. */
export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  preferred_username?: string;
  name?: string;
}

export interface OidcIssuer {
  /** The issuer identifier (and origin): http://127.0.0.1:PORT */
  url: string;
  clientId: string;
  clientSecret: string;
  /** The key its ID tokens are signed with, for forging one "from" this issuer. */
  signingKey: { key: CryptoKey; kid: string };
  /** The entry for Starling's OIDC_PROVIDERS. */
  provider(id: string, name: string): Record<string, unknown>;
  addAccount(account: TestAccount): void;
  /**
   * Follows an authorization URL through the sign-in form as `sub`, over HTTP: the URL the
   * provider finally sends the browser to (Starling's callback, with code and state).
   */
  signIn(authorizationUrl: string, sub: string): Promise<URL>;
  /** The next ID token issued is replaced: its claims changed by `change`, signed with `key` (default: its own). */
  forgeNextIdToken(change: (claims: JWTPayload) => JWTPayload, key?: { key: CryptoKey; kid: string }): void;
  close(): Promise<void>;
}

export async function startOidcIssuer(options: { redirectUris: string[] }): Promise<OidcIssuer> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `test-${Math.random().toString(36).slice(2, 10)}`;
  const signingKey = { key: privateKey, kid };
  const accounts = new Map<string, TestAccount>();
  const clientId = 'starling';
  const clientSecret = 'a client secret for the tests only';
  let forgery: { change: (claims: JWTPayload) => JWTPayload; key: { key: CryptoKey; kid: string } } | undefined;

  const provider = new Provider(url, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['test cookie signing key'] },
    pkce: { methods: ['S256'], required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    // The claims the scopes ask for ride in the ID token, as most providers send them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ ...account }) } : undefined;
    },
  });
  provider.use(async (ctx, next) => {
    const interaction = /^\/interaction\/([^/]+)$/.exec(ctx.path);
    if (interaction) return signInPage(provider, ctx, accounts);
    // A browser on the sign-in page asks for one; a 404 would read as a page error.
    if (ctx.path === '/favicon.ico') {
      ctx.status = 204;
      return;
    }
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && forgery && typeof body?.id_token === 'string') {
      const { change, key } = forgery;
      forgery = undefined;
      const claims = change(decodeJwt(body.id_token));
      body.id_token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.key);
    }
  });
  server.on('request', provider.callback());

  return {
    url,
    clientId,
    clientSecret,
    signingKey,
    provider: (id, name) => ({ id, name, issuer: url, client_id: clientId, client_secret: clientSecret }),
    addAccount: (account) => accounts.set(account.sub, account),
    signIn: (authorizationUrl, sub) => followSignIn(url, authorizationUrl, sub),
    forgeNextIdToken(change, key = signingKey) {
      forgery = { change, key };
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** GET: the sign-in form. POST: signs the named account in and grants what the client asked for. */
async function signInPage(provider: Provider, ctx: ParameterizedContext, accounts: Map<string, TestAccount>) {
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (ctx.method === 'GET') {
    ctx.type = 'html';
    ctx.body = `<!doctype html><title>Test provider</title><h1>Sign in to the test provider</h1>
<form method="post" action="/interaction/${escapeHtml(details.uid)}">
<label>Account <input name="login" autocomplete="off"></label> <button type="submit">Sign in</button></form>`;
    return;
  }
  const accountId = new URLSearchParams(await readBody(ctx.req)).get('login') ?? '';
  if (!accounts.has(accountId)) {
    ctx.status = 400;
    ctx.body = `no account ${accountId}`;
    return;
  }
  const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  const next = await provider.interactionResult(
    ctx.req,
    ctx.res,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
  ctx.status = 303;
  ctx.set('location', next);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

/** Walks the provider's redirects and sign-in form like a browser, keeping its cookies. */
async function followSignIn(issuer: string, start: string, sub: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  let next = new URL(start);
  for (let hops = 0; hops < 10; hops++) {
    if (next.origin !== new URL(issuer).origin) return next;
    let response = await fetch(next, { redirect: 'manual', headers: { cookie: cookie() } });
    keep(response);
    if (response.status === 200 && next.pathname.startsWith('/interaction/')) {
      response = await fetch(next, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login: sub }).toString(),
      });
      keep(response);
    }
    const location = response.headers.get('location');
    if (!location)
      throw new Error(`the provider answered ${response.status} at ${next.pathname}: ${await response.text()}`);
    next = new URL(location, next);
  }
  throw new Error('the provider redirected more than 10 times');
}
