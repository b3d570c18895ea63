import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problems, type FieldError } from './problem.js';

/**
 * Text Starling stores must be text PostgreSQL can hold: no NUL character, and no lone
 * UTF-16 surrogate (half of a pair, which has no UTF-8 form). Both are refused as a
 * validation problem naming the field, before a handler or any SQL sees them.
 */
// eslint-disable-next-line no-control-regex -- matching the NUL character is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isStorableText = (value: string): boolean => !UNSTORABLE.test(value);

function* badStrings(value: unknown, path: string[]): Generator<string> {
  if (typeof value === 'string') {
    if (!isStorableText(value)) yield path.join('.') || '(body)';
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* badStrings(item, [...path, String(i)]);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) yield [...path, '(key)'].join('.');
      else yield* badStrings(item, [...path, key]);
    }
  }
}

const REASON = 'must not contain a NUL character or an unpaired surrogate';

/**
 * Installs the checks every operation's input gets besides its schema: text that can
 * be stored, and a body where the operation has one (without a content type, a POST
 * carries no body at all, which the schema validator does not look at).
 */
export function installInputChecks(app: FastifyInstance, optionalBodies: ReadonlySet<string> = new Set()): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const errors: FieldError[] = [];
    for (const part of [request.params, request.query, request.body]) {
      for (const field of badStrings(part, [])) errors.push({ field, reason: REASON });
    }
    if (errors.length) throw problems.validation(errors, 'The request contains text that cannot be stored.');
    if (request.body === undefined && request.routeOptions.schema?.body) {
      // A body the contract says is optional may be left out (Mastodon's clients send a
      // reblog with none): it reads as an empty one.
      const operationId = (request.routeOptions.schema as { operationId?: string }).operationId;
      if (operationId !== undefined && optionalBodies.has(operationId)) {
        request.body = {};
        return;
      }
      throw problems.validation([{ field: '(body)', reason: 'is required' }], 'The request needs a JSON body.');
    }
  });
}

/** The operations whose contract says their request body may be left out (`required` is not true). */
export function optionalBodies(document: { paths?: Record<string, unknown>; components?: unknown }): Set<string> {
  const optional = new Set<string>();
  for (const item of Object.values(document.paths ?? {}) as Array<Record<string, unknown>>) {
    for (const operation of Object.values(item ?? {}) as Array<{ operationId?: unknown; requestBody?: unknown }>) {
      if (typeof operation?.operationId !== 'string' || !operation.requestBody) continue;
      const body = resolveBody(document, operation.requestBody as Record<string, unknown>);
      if (body?.required !== true) optional.add(operation.operationId);
    }
  }
  return optional;
}

function resolveBody(document: object, body: Record<string, unknown>): Record<string, unknown> | undefined {
  const ref = body.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return body;
  let node: unknown = document;
  for (const key of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node as Record<string, unknown> | undefined;
}
