import {
  policyCallerOf,
  refusal,
  requirementOfRoute,
  SESSION_COOKIE,
  type AccessPolicy,
  type ContractOperation,
} from '@starling/kit';
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { EdgeTokens } from './edge-auth.js';

/**
 * The access policy at the edge (ACCESS_POLICY, docs/access-policy.md): a request the
 * policy refuses is answered here, with the problem the service would give, and never
 * forwarded. The services apply the same policy again (they also know revoked
 * sessions, which the edge does not), so this only saves them the work.
 */
export function accessCheck(
  policy: AccessPolicy,
  operations: ContractOperation[],
  tokens: EdgeTokens,
): (method: string, path: string) => onRequestHookHandler | undefined {
  return (method, path) => {
    const requirement = requirementOfRoute(policy, operations, method, path);
    if (!requirement) return undefined;
    return async (request) => {
      // A bad bearer token was refused already (edge-auth.ts); a stale cookie is an anonymous visitor.
      const token = bearerToken(request) ?? sessionCookie(request);
      const claims = token ? await tokens.claimsOf(token, request.log) : undefined;
      const problem = refusal(requirement, claims && policyCallerOf(claims));
      if (problem) throw problem;
    };
  };
}

const bearerToken = (request: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];

/** The session cookie's value: the gateway parses no cookies otherwise, passing them through. */
function sessionCookie(request: FastifyRequest): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === SESSION_COOKIE) return decodeURIComponent(pair.slice(at + 1).trim());
  }
  return undefined;
}
