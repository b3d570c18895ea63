import { timingSafeEqual } from 'node:crypto';
import OAuth2Server, {
  OAuthError,
  Request,
  Response,
  UnsupportedGrantTypeError,
  type AuthorizationCodeModel,
  type ClientCredentialsModel,
  type PasswordModel,
  type RefreshTokenModel,
} from '@node-oauth/oauth2-server';
import { APP_SUBJECT_PREFIX, holdsScope, type Config, type Role, type ServiceContext } from '@starling/kit';
import {
  authorizeApp,
  findCode,
  keepCode,
  keepRefreshToken,
  newAuthorizationId,
  newSecret,
  refreshTokenOwner,
  useCode,
  useRefreshToken,
} from '../commands/app-authorizations.js';
import { tokenHash } from '../commands/mailed-tokens.js';
import { grantableScopes, OUT_OF_BAND } from '../domain/apps.js';
import { decoyHash, verifyPassword } from '../domain/password.js';
import type { KeyRing } from '../keys.js';
import type { LoginThrottle } from '../login-throttle.js';
import { findApp, findOpenAuthorization, type AppView } from '../read-models/apps.js';
import { findUserByUsername, passwordHashOf } from '../read-models.js';
import type { IdentitySettings } from '../settings.js';
import type { IdentityDb } from '../tables.js';

/** How long an authorization code may wait to be exchanged (RFC 6749 §4.1.2: at most ten minutes). */
const CODE_TTL_SECONDS = 300;
/** Refresh tokens last as long as their authorization: they are rotated on use and dropped when it ends. */
const REFRESH_TOKEN_TTL_SECONDS = 10 * 365 * 24 * 3600;

/** For whom a token is issued, as the library hands it between the model's functions. */
interface Grantee {
  /** null for an app's token for itself (client_credentials). */
  id: string | null;
  username: string;
  role: Role;
  /** The authorization the token belongs to: its `sid`. */
  authorizationId: string;
  /** Whether the authorization is recorded already (a refresh) or is opened by this token. */
  existing: boolean;
}

interface AppClient {
  id: string;
  redirectUris: string[];
  grants: string[];
  scopes: string[];
}

export interface OAuthDeps {
  ctx: ServiceContext;
  settings: IdentitySettings;
  keys: KeyRing;
  logins: LoginThrottle;
}

/** What a request to the token or authorize endpoint carries, from Fastify's request. */
export interface ProtocolRequest {
  id: string;
  ip: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

export type TokenAnswer =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; status: number; body: { error: string; error_description: string }; headers: Record<string, string> };

export type AuthorizeAnswer = { redirectTo: string } | { code: string } | { error: string };

/**
 * Starling's OAuth 2 authorization server: the protocol (grants, PKCE, redirect and
 * scope checks, error answers) is @node-oauth/oauth2-server's; the model below keeps
 * apps, codes, refresh tokens and authorizations in identity's store, and issues
 * Starling's own ES256 access tokens, which every service verifies without asking.
 */
export class OAuthServer {
  constructor(private readonly deps: OAuthDeps) {}

  /** `POST /oauth/token`: a grant for tokens (form or JSON body, client auth by body or Basic). */
  async token(request: ProtocolRequest): Promise<TokenAnswer> {
    const response = new Response();
    try {
      if (request.body.grant_type === 'password' && !this.deps.settings.OAUTH_PASSWORD_GRANT) {
        throw new UnsupportedGrantTypeError('Unsupported grant type: `password` is not enabled on this server');
      }
      const token = await this.server(request).token(protocolRequest(request), response);
      return {
        ok: true,
        body: {
          access_token: token.accessToken,
          token_type: 'Bearer',
          scope: (token.scope ?? []).join(' '),
          created_at: Math.floor(Date.now() / 1000),
          expires_in: this.deps.settings.OAUTH_ACCESS_TOKEN_TTL,
          ...(token.refreshToken ? { refresh_token: token.refreshToken } : {}),
        },
      };
    } catch (err) {
      if (!(err instanceof OAuthError) || err.code >= 500) throw err;
      const headers: Record<string, string> = {};
      const challenge = response.get('WWW-Authenticate') as string | undefined;
      if (challenge) headers['www-authenticate'] = challenge;
      return {
        ok: false,
        status: err.code,
        body: { error: err.name, error_description: err.message },
        headers,
      };
    }
  }

  /**
   * `POST /oauth/authorize`: the signed-in user's answer to the consent page. Where the
   * browser goes next (the redirect URI with a code, or with `error`), or the code itself
   * for an app that cannot receive a redirect (out of band). A request that names no
   * registered app or redirect URI is refused with the library's error, never redirected.
   */
  async authorize(request: ProtocolRequest, userId: string, allowed: boolean): Promise<AuthorizeAnswer> {
    const db: IdentityDb = this.deps.ctx.db;
    const user = await db
      .selectFrom('users')
      .select(['id', 'username', 'role'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new OAuthClientRefusal('invalid_request', 'This account no longer exists.');
    const grantee: Grantee = { ...user, authorizationId: '', existing: false };
    const response = new Response();
    const outOfBand = request.body.redirect_uri === OUT_OF_BAND;
    try {
      const code = await this.server(request).authorize(
        protocolRequest(request, { allowed: allowed ? 'true' : 'false' }),
        response,
        { authenticateHandler: { handle: () => grantee } },
      );
      if (outOfBand) return { code: code.authorizationCode };
      return { redirectTo: String(response.get('location')) };
    } catch (err) {
      if (!(err instanceof OAuthError) || err.code >= 500) throw err;
      const location = response.get('location') as string | undefined;
      // No location: the app or its redirect URI is unknown, so nowhere is safe to send the user.
      if (!location) throw new OAuthClientRefusal(err.name, err.message);
      return outOfBand ? { error: err.name } : { redirectTo: location };
    }
  }

  /** The app a request's client credentials (body or Basic) authenticate, for `/oauth/revoke`. */
  async authenticateClient(request: ProtocolRequest): Promise<AppView | undefined> {
    const basic = /^Basic\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''));
    let clientId = typeof request.body.client_id === 'string' ? request.body.client_id : undefined;
    let secret = typeof request.body.client_secret === 'string' ? request.body.client_secret : undefined;
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        clientId = decodeURIComponent(decoded.slice(0, colon));
        secret = decodeURIComponent(decoded.slice(colon + 1));
      }
    }
    if (!clientId || !secret) return undefined;
    const app = await findApp(this.deps.ctx.db, clientId);
    return app && secretMatches(app, secret) ? app : undefined;
  }

  private server(request: ProtocolRequest): OAuth2Server {
    return new OAuth2Server({
      model: this.model(request),
      accessTokenLifetime: this.deps.settings.OAUTH_ACCESS_TOKEN_TTL,
      refreshTokenLifetime: REFRESH_TOKEN_TTL_SECONDS,
      authorizationCodeLifetime: CODE_TTL_SECONDS,
      // Many Mastodon apps send no `state`; PKCE (S256 only) protects those that use it.
      allowEmptyState: true,
      alwaysIssueNewRefreshToken: true,
    });
  }

  private model(
    request: ProtocolRequest,
  ): AuthorizationCodeModel & RefreshTokenModel & ClientCredentialsModel & PasswordModel {
    const { ctx, keys, settings, logins } = this.deps;
    const db: IdentityDb = ctx.db;
    const config: Config = ctx.config;
    const grants = ['authorization_code', 'refresh_token', 'client_credentials'];
    if (settings.OAUTH_PASSWORD_GRANT) grants.push('password');
    const userGrantee = async (userId: string, authorizationId: string, existing: boolean) => {
      const user = await db
        .selectFrom('users')
        .select(['id', 'username', 'role'])
        .where('id', '=', userId)
        .executeTakeFirst();
      return user && ({ ...user, authorizationId, existing } satisfies Grantee);
    };

    return {
      // Resources never ask the library: every service verifies the JWT itself (kit's Authenticator).
      async getAccessToken() {
        return false;
      },
      async getClient(clientId: string, clientSecret: string | null | undefined) {
        const app = await findApp(db, clientId);
        if (!app) return null;
        if (clientSecret !== null && clientSecret !== undefined && !secretMatches(app, clientSecret)) return null;
        return { id: app.clientId, redirectUris: app.redirectUris, grants, scopes: app.scopes } satisfies AppClient;
      },
      async validateRedirectUri(redirectUri: string, client) {
        return (client as AppClient).redirectUris.includes(redirectUri);
      },
      async validateScope(_user, client, scope) {
        return grantableScopes((client as AppClient).scopes, scope ?? [], holdsScope) ?? false;
      },
      async generateAuthorizationCode() {
        return newSecret();
      },
      async generateRefreshToken() {
        return newSecret();
      },
      async generateAccessToken(client, user, scope) {
        const grantee = user as Grantee;
        return keys.sign(
          {
            sub: grantee.id ?? `${APP_SUBJECT_PREFIX}${client.id}`,
            username: grantee.username,
            role: grantee.role,
            sid: grantee.authorizationId,
            // App tokens are bearer tokens only: a cookie never carries one, so no CSRF token binds to it.
            csrf: '',
            scope: scope.join(' '),
            client_id: client.id,
          },
          config.TOKEN_ISSUER,
          settings.OAUTH_ACCESS_TOKEN_TTL,
        );
      },
      async saveAuthorizationCode(code, client, user) {
        const grantee = user as Grantee;
        await keepCode(db, code.authorizationCode, {
          clientId: client.id,
          userId: grantee.id!,
          redirectUri: code.redirectUri,
          scopes: code.scope ?? [],
          codeChallenge: code.codeChallenge,
          codeChallengeMethod: code.codeChallengeMethod,
          expiresAt: code.expiresAt,
        });
        return { ...code, client, user };
      },
      async getAuthorizationCode(authorizationCode: string) {
        const grant = await findCode(db, authorizationCode);
        if (!grant) return null;
        // A fresh authorization for each code: the user consented once for this exchange.
        const user = await userGrantee(grant.userId, newAuthorizationId(), false);
        if (!user) return null;
        return {
          authorizationCode,
          expiresAt: grant.expiresAt,
          redirectUri: grant.redirectUri,
          scope: grant.scopes,
          client: { id: grant.clientId, grants },
          user,
          ...(grant.codeChallenge
            ? { codeChallenge: grant.codeChallenge, codeChallengeMethod: grant.codeChallengeMethod ?? 'S256' }
            : {}),
        };
      },
      async revokeAuthorizationCode(code) {
        return useCode(db, code.authorizationCode);
      },
      async getRefreshToken(refreshToken: string) {
        const authorizationId = await refreshTokenOwner(db, refreshToken);
        const authorization = authorizationId && (await findOpenAuthorization(db, authorizationId));
        if (!authorization) return null;
        const user: Grantee | undefined = authorization.userId
          ? await userGrantee(authorization.userId, authorization.id, true)
          : { id: null, username: '', role: 'user', authorizationId: authorization.id, existing: true };
        if (!user) return null;
        return { refreshToken, client: { id: authorization.clientId, grants }, user, scope: authorization.scopes };
      },
      async revokeToken(token) {
        return token.refreshToken ? useRefreshToken(db, token.refreshToken) : false;
      },
      async getUserFromClient() {
        return { id: null, username: '', role: 'user', authorizationId: newAuthorizationId(), existing: false };
      },
      async getUser(username: string, password: string) {
        await logins.beforeAttempt(username, request.ip);
        const account = await findUserByUsername(db, username);
        const hash = account ? await passwordHashOf(db, account.id) : undefined;
        const valid = await verifyPassword(password, hash ?? (await decoyHash()));
        if (!account || !hash || !valid) {
          await logins.failed(username, request.ip);
          return false;
        }
        return { ...account, authorizationId: newAuthorizationId(), existing: false } satisfies Grantee;
      },
      async saveToken(token, client, user) {
        const grantee = user as Grantee;
        await ctx.write(async (trx) => {
          if (!grantee.existing) {
            await authorizeApp(
              trx,
              {
                id: grantee.authorizationId,
                clientId: client.id,
                userId: grantee.id,
                scopes: token.scope ?? [],
                ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
              },
              request.id,
            );
          } else if (token.refreshToken) {
            await keepRefreshToken(trx, grantee.authorizationId, token.refreshToken);
          }
        });
        return { ...token, client, user };
      },
    };
  }
}

/** The request names no registered app or redirect URI: answered, never redirected. */
export class OAuthClientRefusal extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

function secretMatches(app: AppView, secret: string): boolean {
  const expected = Buffer.from(app.clientSecretHash);
  const actual = Buffer.from(tokenHash(secret));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * The library's request: it takes only forms, so a JSON body (which Mastodon clients
 * send too) is handed over as the form it stands for.
 */
function protocolRequest(request: ProtocolRequest, extra: Record<string, string> = {}): Request {
  const body: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.body)) {
    if (typeof value === 'string') body[key] = value;
  }
  return new Request({
    method: 'POST',
    query: {},
    headers: {
      ...Object.fromEntries(Object.entries(request.headers).filter(([, v]) => typeof v === 'string')),
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Math.max(1, Number(request.headers['content-length'] ?? 1))),
    },
    body: { ...body, ...extra },
  });
}
