import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Authenticator, Caller, Role } from '../auth/caller.js';
import { operationsOf, type ContractOperation } from './notify-rules.js';
import type { OpenApiDocument } from './openapi.js';
import { HttpProblem, problems } from './problem.js';
import { findOperation, readRulesFile } from './rules-file.js';

/**
 * The access policy (ACCESS_POLICY, docs/access-policy.md): which operations need a
 * signed-in caller, an admin, or an app token holding some OAuth 2 scopes, beyond what
 * their contract and handler already ask. A policy only tightens: a handler that asks
 * for a signed-in caller still does, whatever the file says, so `public` is a checked
 * list of what the contracts leave open, never a way to open more. Without the file
 * nothing is checked here at all: today's behaviour, exactly.
 *
 * Applied before any handler by every process's HTTP layer, and by the gateway before
 * it forwards (with `refusal`, the one place a request is judged).
 */

/** What a tightened operation asks of its caller: always signed in, and maybe more. */
export interface AccessRequirement {
  /** The caller's role must be one of these. */
  roles?: Role[];
  /** An app's token must hold every one of these (Starling's own sessions hold them all). */
  scopes?: string[];
}

export interface AccessPolicy {
  /** Operations the file lists as open to anyone: checked against the contracts, applied as they are. */
  public: ContractOperation[];
  /** What each tightened operation asks, by operationId. */
  requirements: ReadonlyMap<string, AccessRequirement>;
}

/** What the policy needs to know of a caller: their role, and an app token's scopes. */
export type PolicyCaller = Pick<Caller, 'role' | 'scopes'>;

export const ROLES: readonly Role[] = ['user', 'admin'];

/** Mastodon's OAuth 2 scopes, the ones Starling's app tokens carry. */
export const OAUTH_SCOPES: readonly string[] = [
  'read',
  'write',
  'follow',
  'push',
  'profile',
  ...['statuses', 'accounts', 'notifications', 'favourites', 'follows', 'search', 'bookmarks', 'lists']
    .concat(['mutes', 'blocks', 'filters'])
    .map((s) => `read:${s}`),
  ...['statuses', 'favourites', 'follows', 'media', 'accounts', 'notifications', 'conversations']
    .concat(['bookmarks', 'lists', 'mutes', 'blocks', 'filters', 'reports'])
    .map((s) => `write:${s}`),
];

/** The granular scopes `follow` grants besides itself. */
const FOLLOW_GRANTS = ['read:follows', 'write:follows', 'read:blocks', 'write:blocks', 'read:mutes', 'write:mutes'];

/** Whether `granted` scopes include `needed`: itself, `read`/`write` for `read:*`/`write:*`, or `follow`. */
export function holdsScope(granted: readonly string[], needed: string): boolean {
  if (granted.includes(needed)) return true;
  const family = needed.split(':')[0]!;
  if (family !== needed && granted.includes(family)) return true;
  return granted.includes('follow') && FOLLOW_GRANTS.includes(needed);
}

const ALLOW_FORMS = 'must be "signed-in", { roles: [...] }, { scopes: [...] } or both';

const names = (what: string) =>
  z.array(z.string().trim().min(1, `must name ${what}: an operationId or "METHOD /path/template"`));

/** More than signed in: a role, an app token's scopes, or both. */
const grantSchema = z
  .strictObject({
    roles: z
      .array(z.enum(ROLES as [Role, ...Role[]], { message: `must be one of: ${ROLES.join(', ')}` }))
      .min(1, 'must list at least one role')
      .optional(),
    scopes: z
      .array(
        z.string().refine((s) => OAUTH_SCOPES.includes(s), {
          message: 'must be an OAuth 2 scope such as read, write:statuses or follow (docs/access-policy.md)',
        }),
      )
      .min(1, 'must list at least one scope')
      .optional(),
  })
  .refine((grant) => grant.roles || grant.scopes, ALLOW_FORMS);

type Allow = 'signed-in' | z.output<typeof grantSchema>;

const ruleSchema = z.strictObject({
  operations: names('an operation').min(1, 'must list at least one operation'),
  allow: z.unknown().transform((value, context): Allow => {
    if (value === 'signed-in') return value;
    if (value === 'anyone') {
      context.addIssue({
        code: 'custom',
        message: 'cannot be "anyone": a rule only tightens; list operations anyone may call under `public`',
      });
      return z.NEVER;
    }
    if (typeof value !== 'object' || value === null) {
      context.addIssue({ code: 'custom', message: ALLOW_FORMS });
      return z.NEVER;
    }
    const grant = grantSchema.safeParse(value);
    if (grant.success) return grant.data;
    for (const issue of grant.error.issues) context.addIssue({ ...issue, code: 'custom', path: issue.path });
    return z.NEVER;
  }),
});

// An empty file (or one of comments only) is an empty policy.
const fileSchema = z
  .strictObject({ public: names('an operation').default([]), rules: z.array(ruleSchema).default([]) })
  .nullable()
  .transform((file) => file ?? { public: [], rules: [] });

/**
 * Reads and checks the policy at `file` against `contracts`: every contract of the
 * deployment, so a process running one service refuses a rule that names no operation
 * of any. Undefined when no file is set.
 */
export function loadAccessPolicy(file: string | undefined, contracts: OpenApiDocument[]): AccessPolicy | undefined {
  if (!file) return undefined;
  const { content, fail } = readRulesFile('ACCESS_POLICY', file, fileSchema);
  const operations = operationsOf(contracts);
  const open = openOperations(contracts);
  const resolve = (name: string, field: string) => {
    const operation = findOperation(name, operations);
    if (operation) return operation;
    throw fail(
      `${field}: no operation is ${JSON.stringify(name)}; name one by its operationId (as in the services' ` +
        `openapi.yaml) or by method and path template, such as "GET /api/v2/timelines/public"`,
    );
  };

  const named = new Map<string, string>();
  const claim = (operation: ContractOperation, field: string) => {
    const earlier = named.get(operation.operationId);
    if (earlier) throw fail(`${field}: ${operation.operationId} is named by ${earlier} already`);
    named.set(operation.operationId, field);
  };

  const publicOperations = content.public.map((name, i) => {
    const field = `public[${i}]`;
    const operation = resolve(name, field);
    if (!open.has(operation.operationId)) {
      throw fail(
        `${field}: ${operation.operationId} needs a signed-in caller by its contract, and a policy cannot ` +
          `open what a contract closes`,
      );
    }
    claim(operation, field);
    return operation;
  });

  const requirements = new Map<string, AccessRequirement>();
  for (const [i, rule] of content.rules.entries()) {
    const { allow } = rule;
    for (const [j, name] of rule.operations.entries()) {
      const field = `rules[${i}].operations[${j}]`;
      const operation = resolve(name, field);
      claim(operation, field);
      requirements.set(operation.operationId, {
        ...(allow !== 'signed-in' && allow.roles ? { roles: allow.roles } : {}),
        ...(allow !== 'signed-in' && allow.scopes ? { scopes: allow.scopes } : {}),
      });
    }
  }
  return { public: publicOperations, requirements };
}

/** The operations a caller without a token may call by their contract: no `security`, or `{}` among it. */
function openOperations(contracts: OpenApiDocument[]): Set<string> {
  const open = new Set<string>();
  for (const document of contracts) {
    for (const item of Object.values(document.paths ?? {}) as OpenApiDocument[]) {
      for (const operation of Object.values(item ?? {}) as OpenApiDocument[]) {
        if (typeof operation?.operationId !== 'string') continue;
        const security = (operation.security ?? document.security) as object[] | undefined;
        if (!security || security.length === 0 || security.some((s) => Object.keys(s).length === 0)) {
          open.add(operation.operationId);
        }
      }
    }
  }
  return open;
}

/**
 * Why `caller` may not call an operation that asks `requirement`, as the problem to
 * answer with; undefined when they may. No caller is a 401, a caller who is not enough
 * is a 403 (with RFC 6750's `insufficient_scope` for an app token short of a scope).
 */
export function refusal(requirement: AccessRequirement, caller: PolicyCaller | undefined): HttpProblem | undefined {
  if (!caller) return problems.unauthorized('This deployment lets only signed-in callers do this.');
  if (requirement.roles && !requirement.roles.includes(caller.role)) {
    return problems.forbidden(
      `This deployment lets only callers with the role ${requirement.roles.join(' or ')} do this.`,
    );
  }
  // Starling's own sessions carry no scopes: they may do whatever their role allows.
  const missing = caller.scopes && requirement.scopes?.filter((s) => !holdsScope(caller.scopes!, s));
  if (missing?.length) {
    return new HttpProblem(
      403,
      'forbidden',
      'Forbidden',
      `The app's access token lacks the scope ${missing.join(' and ')}, which this deployment requires here.`,
      undefined,
      { 'www-authenticate': `Bearer realm="starling", error="insufficient_scope", scope="${missing.join(' ')}"` },
    );
  }
  return undefined;
}

/** A verified token's claims as the policy sees its caller (the gateway reads tokens itself). */
export const policyCallerOf = (claims: Record<string, unknown>): PolicyCaller => ({
  role: claims.role === 'admin' ? 'admin' : 'user',
  ...(typeof claims.scope === 'string' ? { scopes: claims.scope.split(' ').filter(Boolean) } : {}),
});

/**
 * Applies `policy` to the operations of `app` as soon as a request is routed: before
 * its body is read or validated and before any handler, so a refused caller learns
 * nothing of the operation but that they may not call it. Operations the policy does
 * not tighten are left alone: not even their token is read here.
 */
export function installAccessPolicy(app: FastifyInstance, policy: AccessPolicy, auth: Authenticator): void {
  if (policy.requirements.size === 0) return;
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const operationId = (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId;
    const requirement = operationId ? policy.requirements.get(operationId) : undefined;
    if (!requirement) return;
    const problem = refusal(requirement, await auth.optional(request));
    if (problem) throw problem;
  });
}

/** The requirement of a gateway route (`GET`, `/api/v2/tweets/{id}`), HEAD being GET's. */
export function requirementOfRoute(
  policy: AccessPolicy,
  operations: ContractOperation[],
  method: string,
  path: string,
): AccessRequirement | undefined {
  const at = (m: string) => operations.find((o) => o.method === m && o.path === path);
  const operation = at(method) ?? (method === 'HEAD' ? at('GET') : undefined);
  return operation && policy.requirements.get(operation.operationId);
}
