import { HttpProblem, problems, sendProblem, TOKEN_AUDIENCE, VerifiedTokens } from '@starling/kit';
import type { FastifyBaseLogger, onRequestHookHandler } from 'fastify';
import {
  createRemoteJWKSet,
  customFetch,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { Cancellation, type Upstream, type UpstreamResponse } from './upstreams.js';

/** A body as text, whole or streamed. */
async function bodyText(body: UpstreamResponse['body']): Promise<string> {
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const JWKS_PATH = '/api/v1/auth/jwks';

/**
 * Routes a client reaches without a valid token: the keys themselves, logging in to get
 * one, and OAuth 2's token endpoints, where `Authorization` is an app's Basic credentials.
 */
export const TOKENLESS_PATHS = new Set([JWKS_PATH, '/api/v1/auth/login', '/oauth/token', '/oauth/revoke']);

/** Identity's keys could not be fetched: the token is not known to be bad, so no 401. */
class KeysUnavailable extends Error {
  override name = 'KeysUnavailable';
}

/**
 * Identity's published public keys, fetched through the gateway's own identity
 * upstream (so over its replicas, with its retries) and cached by jose, which fetches
 * them again when a token names a key it does not know.
 */
export function identityKeys(identity: Upstream, log: FastifyBaseLogger): JWTVerifyGetKey {
  const nominal = new URL(JWKS_PATH, identity.replicas[0]!.origin);
  return createRemoteJWKSet(nominal, {
    [customFetch]: async (_url, options) => {
      const headers: Record<string, string> = {};
      options.headers.forEach((value, name) => (headers[name] = value));
      const cancellation = new Cancellation();
      const stop = () => cancellation.cancel();
      options.signal?.addEventListener('abort', stop);
      try {
        const response = await identity.send({ method: 'GET', path: JWKS_PATH, headers, cancellation, log });
        const text = await bodyText(response.body);
        if (response.statusCode !== 200) throw new Error(`identity answered ${response.statusCode}`);
        JSON.parse(text);
        return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
      } catch (err) {
        throw new KeysUnavailable('The token keys could not be fetched from identity', { cause: err });
      } finally {
        options.signal?.removeEventListener('abort', stop);
      }
    },
  });
}

const unavailable = (err: unknown) =>
  err instanceof KeysUnavailable || err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid;

/** Reads tokens at the edge: a token's claims when identity issued it and it has not expired. */
export interface EdgeTokens {
  /** The claims, or undefined for a bad token; a 503 problem when identity's keys cannot be had. */
  claimsOf(token: string, log: FastifyBaseLogger): Promise<JWTPayload | undefined>;
  /** The claims of a token verified lately (the common case: a client sends one token for its lifetime). */
  known(token: string): JWTPayload | undefined;
}

/** `keys` is undefined when IDENTITY_URL is unset. */
export function edgeTokens(keys: JWTVerifyGetKey | undefined, issuer: string): EdgeTokens {
  // A client sends one token for its whole lifetime: its signature is checked once a minute, not per request.
  const verified = new VerifiedTokens();
  return {
    known: (token) => verified.get(token),
    async claimsOf(token, log) {
      if (!keys) {
        throw problems.unavailable(
          'Access tokens cannot be checked: the identity service is not configured (IDENTITY_URL).',
        );
      }
      const cached = verified.get(token);
      if (cached) return cached;
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer,
          audience: TOKEN_AUDIENCE,
          algorithms: ['ES256'],
          requiredClaims: ['exp'],
        });
        if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return undefined;
        verified.set(token, payload);
        return payload;
      } catch (err) {
        if (unavailable(err)) {
          log.warn({ err }, 'token keys unavailable');
          throw problems.unavailable('Access tokens cannot be checked right now: the identity service is unavailable.');
        }
        if (err instanceof joseErrors.JOSEError) return undefined;
        throw err;
      }
    },
  };
}

/**
 * Refuses a request whose bearer token is not one identity issued (or has expired)
 * before it reaches a service: the same 401 a service would give, without its work.
 * Revoked sessions are the services' to refuse (they follow identity's events), and so
 * are cookies: a stale cookie is an anonymous visitor, which only the service can judge.
 */
export function edgeAuth(tokens: EdgeTokens): onRequestHookHandler {
  return (request, reply, done) => {
    const header = request.headers.authorization;
    if (header === undefined) return done();
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) {
      sendProblem(reply, problems.unauthorized('The Authorization header must be "Bearer <token>".'));
      return;
    }
    if (tokens.known(token)) return done();
    tokens.claimsOf(token, request.log).then(
      (claims) =>
        claims ? done() : sendProblem(reply, problems.unauthorized('The access token is invalid or has expired.')),
      (err: unknown) => (err instanceof HttpProblem ? sendProblem(reply, err) : done(err as Error)),
    );
  };
}
