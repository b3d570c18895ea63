import type { FastifyInstance, RouteOptions } from 'fastify';
import { decodeJwt } from 'jose';

export { APP_OPERATIONS, CALLERS } from '@starling/contracts/bundle';

/**
 * Requests from registered apps (Mastodon clients) and everyone else's, told apart
 * where one path and method is both Starling's own operation and Mastodon's
 * (`GET /api/v2/search`, `POST /api/v2/media`; docs/mastodon.md). A token issued to an
 * app through OAuth 2 carries a `client_id` claim: its payload is decoded here without
 * verifying it, for routing only. The service that answers verifies the token as it
 * does every other, so a forged claim gains nothing but Mastodon's shape of a 401.
 */
export const CALLER_CONSTRAINT = 'starlingCaller';

export type CallerKind = 'app' | 'starling';

/**
 * Asks for Starling's own operation whatever the token: the mastodon service sends it
 * when it calls Starling's search or upload for an app's request (through `ctx.api`),
 * which would otherwise come back to it. Sending it gains a client nothing but
 * Starling's shape of the answer.
 */
export const OWN_API_HEADER = 'x-starling-own-api';

/**
 * Whether a JWT's payload (between its first two dots) mentions `client_id` at all: a
 * cheap first look, since the router asks on every request and most tokens are users'.
 */
function mentionsClientId(authorization: string): boolean {
  const start = authorization.indexOf('.') + 1;
  const end = start > 0 ? authorization.indexOf('.', start) : -1;
  if (end < 0) return false;
  return Buffer.from(authorization.slice(start, end), 'base64url').toString('latin1').includes('"client_id"');
}

/** Whether an Authorization header carries a bearer JWT whose payload names a registered app. */
export function isAppToken(authorization: string | string[] | undefined): boolean {
  if (typeof authorization !== 'string' || !mentionsClientId(authorization)) return false;
  const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(authorization.trim());
  if (!match) return false;
  try {
    const { client_id: clientId } = decodeJwt(match[1]!);
    return typeof clientId === 'string' && clientId !== '';
  } catch {
    return false;
  }
}

/**
 * The router's constraint: a route constrained to `app` answers app tokens; the
 * unconstrained route on the same path and method answers the rest.
 */
export function installCallerConstraint(app: FastifyInstance): void {
  app.addConstraintStrategy({
    name: CALLER_CONSTRAINT,
    storage() {
      const handlers = new Map<string, unknown>();
      return {
        get: (kind: string) => (handlers.get(kind) as never) ?? null,
        set: (kind: string, store: unknown) => void handlers.set(kind, store),
      };
    },
    deriveConstraint: (request): CallerKind =>
      request.headers[OWN_API_HEADER] === undefined && isAppToken(request.headers.authorization) ? 'app' : 'starling',
    mustMatchWhenDerived: false,
  });
}

/** Route options for an operation that answers only apps' tokens. */
export const forApps = (): Pick<RouteOptions, 'constraints'> => ({
  constraints: { [CALLER_CONSTRAINT]: 'app' satisfies CallerKind },
});
