import { loadContract, mergeContracts } from '@starling/contracts/bundle';
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI documents are untyped trees
export type OpenApiDocument = Record<string, any>;

/**
 * A service's contract, complete: the components it imports from @starling/contracts
 * are bundled in, so the routes, the gateway and /openapi.json see one document.
 */
export function loadOpenApi(path: string | URL): OpenApiDocument {
  return loadContract(path) as OpenApiDocument;
}

/**
 * Registers a service's routes from its OpenAPI document: paths, parameter and body
 * validation and response serialization all come from the contract, and each
 * operation is served by the handler named after its operationId.
 */
export async function registerOperations(
  app: FastifyInstance,
  document: OpenApiDocument,
  handlers: Record<string, RouteHandlerMethod>,
): Promise<void> {
  const operations = Object.values(document.paths ?? {}).flatMap((item) =>
    Object.values(item as Record<string, { operationId?: string }>)
      .map((op) => op?.operationId)
      .filter((id): id is string => typeof id === 'string'),
  );
  const missing = operations.filter((id) => !handlers[id]);
  if (missing.length) throw new Error(`No handler for operation(s): ${missing.join(', ')}`);
  await app.register(openapiGlue, {
    // The plugin dereferences and rewrites the document; give it a copy.
    specification: structuredClone(document),
    serviceHandlers: handlers,
  });
}

/** Every service's handlers by operationId; an operationId must name one operation. */
export function mergeHandlers(handlers: Array<Record<string, RouteHandlerMethod>>): Record<string, RouteHandlerMethod> {
  const merged: Record<string, RouteHandlerMethod> = {};
  for (const set of handlers) {
    for (const [id, handler] of Object.entries(set)) {
      if (merged[id]) throw new Error(`Two services have a handler for operation ${id}`);
      merged[id] = handler;
    }
  }
  return merged;
}

/** One document for the whole process: every service's paths and components (see @starling/contracts/bundle). */
export function mergeOpenApi(base: OpenApiDocument, documents: OpenApiDocument[]): OpenApiDocument {
  return mergeContracts(base, documents) as OpenApiDocument;
}
