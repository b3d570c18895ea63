import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { problems } from '../http/problem.js';
import type { Revocations } from './revocations.js';

export const SESSION_COOKIE = 'starling_session';
export const CSRF_COOKIE = 'starling_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const TOKEN_AUDIENCE = 'starling';

export type Role = 'user' | 'admin';

/**
 * The `sub` of a token an app got for itself (the client_credentials grant): it speaks
 * for the app, never for a user, so user operations see an anonymous visitor.
 */
export const APP_SUBJECT_PREFIX = 'app:';

/** What a third-party app's token was granted: the app, its scopes, and the user it acts for (if any). */
export interface AppGrant {
  clientId: string;
  scopes: readonly string[];
  /** Undefined for a token the app got for itself (client_credentials). */
  userId?: string;
}

/** The authenticated principal of a request, from a verified access token. */
export interface Caller {
  userId: string;
  username: string;
  role: Role;
  sessionId: string;
  via: 'bearer' | 'cookie';
  /** When the token expires (ms since the epoch): a long-lived answer such as a live stream ends then. */
  expiresAt: number;
  /**
   * What a third-party app was allowed to do (OAuth 2 scopes: `read`, `write:statuses`…),
   * from the token's `scope` claim. Undefined for Starling's own sessions (the web app, a
   * password login), which may do whatever their role allows.
   */
  scopes?: readonly string[];
  /** The registered app the token was issued to (`client_id`), for a third-party app's token. */
  clientId?: string;
}

export interface AccessClaims extends JWTPayload {
  sub: string;
  username: string;
  role: Role;
  sid: string;
  /** SHA-256 of the session's CSRF token: binds the double-submit token to this session. */
  csrf: string;
  /** Space-separated OAuth 2 scopes: set only on tokens issued to third-party apps. */
  scope?: string;
  /** The app a third-party token was issued to. */
  client_id?: string;
}

export const csrfDigest = (token: string) => createHash('sha256').update(token).digest('base64url');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthenticatorOptions {
  keys: JWTVerifyGetKey;
  issuer: string;
  revocations: Revocations;
}

/**
 * Verifies access tokens statelessly with the public keys of the service that issues
 * them. Bearer tokens need nothing more; a session cookie on a state-changing request
 * must come with the CSRF header whose digest the token carries.
 */
export class Authenticator {
  private readonly verified = new VerifiedTokens<AccessClaims>();

  constructor(private readonly options: AuthenticatorOptions) {}

  /** The caller, or undefined for an anonymous request. A bad bearer token is a 401. */
  async optional(request: FastifyRequest): Promise<Caller | undefined> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw problems.unauthorized('The Authorization header must be "Bearer <token>".');
      const claims = await this.verify(match[1]!);
      if (!claims) throw problems.unauthorized('The access token is invalid or has expired.');
      if (claims.sub.startsWith(APP_SUBJECT_PREFIX)) return undefined;
      return toCaller(claims, 'bearer');
    }
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (!cookie) return undefined;
    // A stale cookie on a read is just an anonymous visitor; a write then asks to log in.
    const claims = await this.verify(cookie);
    if (!claims) return undefined;
    if (!SAFE_METHODS.has(request.method)) checkCsrf(request, claims);
    return toCaller(claims, 'cookie');
  }

  async require(request: FastifyRequest): Promise<Caller> {
    const caller = await this.optional(request);
    if (!caller) throw problems.unauthorized();
    return caller;
  }

  /**
   * What the bearer token of a third-party app was granted, or undefined for any other
   * request (no token, Starling's own session). A bad bearer token is a 401.
   */
  async appGrant(request: FastifyRequest): Promise<AppGrant | undefined> {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) return undefined;
    const claims = await this.verify(match[1]!);
    if (!claims) throw problems.unauthorized('The access token is invalid or has expired.');
    if (typeof claims.scope !== 'string' || typeof claims.client_id !== 'string') return undefined;
    return {
      clientId: claims.client_id,
      scopes: claims.scope.split(' ').filter(Boolean),
      ...(claims.sub.startsWith(APP_SUBJECT_PREFIX) ? {} : { userId: claims.sub }),
    };
  }

  /**
   * The caller of a bearer token a client could not send in the Authorization header (a
   * browser's WebSocket carries it in the query or the subprotocol); a bad one is a 401.
   */
  async requireToken(token: string): Promise<Caller> {
    const claims = await this.verify(token);
    if (!claims) throw problems.unauthorized('The access token is invalid or has expired.');
    // An app's own token (client credentials) stands for no user: it has no stream to follow.
    if (claims.sub.startsWith(APP_SUBJECT_PREFIX)) throw problems.unauthorized('This token stands for no user.');
    return toCaller(claims, 'bearer');
  }

  /**
   * Whether a caller authenticated earlier may still be served: their token has not
   * expired, and neither their session nor their account has been ended since. Long-lived
   * answers (event streams) ask this as they go.
   */
  stillValid(caller: Caller): boolean {
    return Date.now() < caller.expiresAt && !this.options.revocations.isRevoked(caller.sessionId, caller.userId);
  }

  private async verify(token: string): Promise<AccessClaims | undefined> {
    try {
      const payload = this.verified.get(token) ?? (await this.verifySignature(token));
      if (!payload) return undefined;
      // Revocation is checked on every request, cached signature or not.
      if (this.options.revocations.isRevoked(payload.sid, payload.sub)) return undefined;
      return payload;
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) return undefined;
      throw err;
    }
  }

  private async verifySignature(token: string): Promise<AccessClaims | undefined> {
    const { payload } = await jwtVerify<AccessClaims>(token, this.options.keys, {
      issuer: this.options.issuer,
      audience: TOKEN_AUDIENCE,
      algorithms: ['ES256'],
      // A token that never expires would outlive every revocation list: refused.
      requiredClaims: ['exp'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return undefined;
    this.verified.set(token, payload);
    return payload;
  }
}

/**
 * Tokens whose signature and claims were verified lately: a client sends the same token
 * with every request for its lifetime, and an ES256 verification costs more than the
 * rest of a cached timeline read. An entry serves for at most VERIFIED_TTL_MS and never
 * past the token's own expiry; the oldest entries go first when it is full.
 */
const VERIFIED_MAX = 10_000;
const VERIFIED_TTL_MS = 60_000;

export class VerifiedTokens<C extends JWTPayload = JWTPayload> {
  private readonly entries = new Map<string, { claims: C; until: number }>();

  get(token: string): C | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (Date.now() < entry.until) return entry.claims;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, claims: C): void {
    const expires = typeof claims.exp === 'number' ? claims.exp * 1000 : 0;
    const until = Math.min(Date.now() + VERIFIED_TTL_MS, expires);
    if (until <= Date.now()) return;
    if (this.entries.size >= VERIFIED_MAX) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { claims, until });
  }
}

function checkCsrf(request: FastifyRequest, claims: AccessClaims): void {
  const sent = request.headers[CSRF_HEADER];
  const token = Array.isArray(sent) ? sent[0] : sent;
  const expected = Buffer.from(claims.csrf ?? '');
  const actual = Buffer.from(token ? csrfDigest(token) : '');
  if (expected.length === 0 || expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw problems.forbidden(`A cookie-authenticated request must send the ${CSRF_HEADER} header.`);
  }
}

const toCaller = (claims: AccessClaims, via: Caller['via']): Caller => ({
  userId: claims.sub,
  username: claims.username,
  role: claims.role === 'admin' ? 'admin' : 'user',
  sessionId: claims.sid,
  via,
  expiresAt: (claims.exp ?? 0) * 1000,
  ...(typeof claims.scope === 'string' ? { scopes: claims.scope.split(' ').filter(Boolean) } : {}),
  ...(typeof claims.client_id === 'string' ? { clientId: claims.client_id } : {}),
});
