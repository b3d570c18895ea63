import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../auth/caller.js';
import { holdsScope } from './access-policy.js';
import type { OpenApiDocument } from './openapi.js';
import { HttpProblem, problems } from './problem.js';

/**
 * For each operation that takes a caller, the sets of scopes of which an app's token
 * must hold one whole set (the contract's `oauth2` security requirements, alternatives
 * of each other); none when it declares no `oauth2` requirement, and so is never an
 * app's to call. Public operations, which declare no security or only `{}` (signing up,
 * the token endpoint), take no caller and are absent: a token sent to them is ignored.
 */
export function scopeRequirements(contract: OpenApiDocument): Map<string, string[][]> {
  const required = new Map<string, string[][]>();
  for (const item of Object.values(contract.paths ?? {}) as OpenApiDocument[]) {
    for (const operation of Object.values(item) as OpenApiDocument[]) {
      if (typeof operation?.operationId !== 'string') continue;
      const security = (operation.security ?? contract.security ?? []) as Array<Record<string, string[]>>;
      if (security.every((requirement) => Object.keys(requirement).length === 0)) continue;
      const alternatives = security.filter((r) => Array.isArray(r.oauth2)).map((r) => r.oauth2!);
      required.set(operation.operationId, alternatives);
    }
  }
  return required;
}

/** What an app's token is told when it asks for more than it was granted. */
export const OUTSIDE_SCOPES = 'This action is outside the authorized scopes';

/**
 * Refuses a third-party app's token  (one with a `scope` claim) on an operation whose
 * contract declares no `oauth2` requirement that its scopes satisfy, with a 403, before
 * the request is validated or handled. Starling's own sessions (no `scope`) pass.
 */
export function installScopeChecks(app: FastifyInstance, contract: OpenApiDocument, auth: Authenticator): void {
  const requirements = scopeRequirements(contract);
  app.addHook('preValidation', async (request) => {
    if (!request.headers.authorization) return;
    const operationId = (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId;
    const alternatives = operationId && requirements.get(operationId);
    if (!alternatives) return;
    // A bad or dead token is the operation's to refuse, after its input is checked, as
    // it was before scopes existed: only a valid app token is held to them here.
    const grant = await auth.appGrant(request).catch((err: unknown) => {
      if (err instanceof HttpProblem && err.status === 401) return undefined;
      throw err;
    });
    if (!grant) return;
    const allowed = alternatives.some((scopes) => scopes.every((scope) => holdsScope(grant.scopes, scope)));
    if (!allowed) throw problems.forbidden(OUTSIDE_SCOPES);
  });
}
