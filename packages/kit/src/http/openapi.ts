import { APP_OPERATIONS, loadContract, mergeContracts } from '@starling/contracts/bundle';
import type { FastifyInstance, RouteHandlerMethod, RouteOptions } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import { forApps } from './app-callers.js';
import { ERROR_FORMAT, sendProblem, type ErrorFormat } from './error-handler.js';
import { problems } from './problem.js';
import { operationRoute } from './websocket.js';

const MULTIPART = 'multipart/form-data';
const FORM = 'application/x-www-form-urlencoded';

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
 *
 * An operation whose body is multipart/form-data (an upload) streams it in its handler
 * with `request.file()`, so there is no parsed body to validate: the copy given to
 * openapi-glue loses that schema (the plugin builds one body schema per content type,
 * and a streamed form is no JSON object), and the handler checks the form's fields
 * itself. A request whose content type the operation does not list is a 415, as it
 * was before multipart was parsed at all.
 */
export async function registerOperations(
  app: FastifyInstance,
  document: OpenApiDocument,
  handlers: Record<string, RouteHandlerMethod>,
): Promise<void> {
  const operations = [...Object.values(document.paths ?? {}), ...Object.values(document[APP_OPERATIONS] ?? {})].flatMap(
    (item) =>
      Object.values(item as Record<string, { operationId?: string }>)
        .map((op) => op?.operationId)
        .filter((id): id is string => typeof id === 'string'),
  );
  const missing = operations.filter((id) => !handlers[id]);
  if (missing.length) throw new Error(`No handler for operation(s): ${missing.join(', ')}`);
  // The plugin dereferences and rewrites the document; give it a copy.
  const specification = structuredClone(document);
  const appRoutes = withAppOperations(specification);
  const bodyTypes = withoutMultipartSchemas(specification);
  // Before the body is parsed, and before the platform's own checks (which would ask
  // a form sent to a JSON operation for its JSON body).
  app.addHook('preParsing', async (request, reply) => {
    const operationId = (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId;
    const accepted = bodyTypes.get(operationId ?? '');
    const multipart = /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
    // A urlencoded form only where the contract takes one (a one-click unsubscribe).
    const form = /^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '');
    const refused = multipart
      ? !accepted?.has(MULTIPART)
      : form
        ? !accepted?.has(FORM)
        : accepted?.size === 1 && accepted.has(MULTIPART);
    if (refused) {
      const type = JSON.stringify(request.headers['content-type'] ?? '');
      const wanted = accepted ? [...accepted].join(' or ') : 'no body';
      return sendProblem(
        reply,
        problems.unsupportedMediaType(`Content type ${type} is not supported; send ${wanted}.`),
      );
    }
  });
  // A WebSocket operation (webSocketOperation) is registered with its upgrade handler too.
  await app.register(openapiGlue, {
    specification,
    operationResolver: (operationId: string) => {
      const handler = handlers[operationId]!;
      const url = appRoutes.get(operationId);
      return (url ? { handler, url, ...forApps() } : operationRoute(handler)) as RouteOptions;
    },
  });
}

/**
 * Moves the app-only operations that share a path and method with another service's
 * (`APP_OPERATIONS`, see mergeContracts) into `paths` of `document` (a copy) under a
 * private path, for the plugin to build their schemas; each is routed back to its own
 * path, constrained to apps' tokens (app-callers.ts). Returns their URLs by operationId.
 */
function withAppOperations(document: OpenApiDocument): Map<string, string> {
  const routes = new Map<string, string>();
  for (const [path, item] of Object.entries((document[APP_OPERATIONS] ?? {}) as Record<string, OpenApiDocument>)) {
    document.paths[`/~apps${path}`] = item;
    for (const operation of Object.values(item) as OpenApiDocument[]) {
      if (typeof operation?.operationId === 'string') {
        routes.set(operation.operationId, path.replace(/\{([^}]+)\}/g, ':$1'));
      }
    }
  }
  delete document[APP_OPERATIONS];
  return routes;
}

/**
 * Drops the multipart/form-data body schemas of `document` (a copy), and the whole
 * request body where multipart is its only content type. Returns the content types
 * each operation's body may have, by operationId.
 */
function withoutMultipartSchemas(document: OpenApiDocument): Map<string, Set<string>> {
  const bodyTypes = new Map<string, Set<string>>();
  for (const item of Object.values(document.paths ?? {}) as OpenApiDocument[]) {
    for (const operation of Object.values(item) as OpenApiDocument[]) {
      if (typeof operation?.operationId !== 'string' || !operation.requestBody) continue;
      const body = resolveRef(document, operation.requestBody);
      const content = { ...body.content };
      bodyTypes.set(operation.operationId, new Set(Object.keys(content)));
      if (!content[MULTIPART]) continue;
      delete content[MULTIPART];
      if (Object.keys(content).length === 0) delete operation.requestBody;
      else operation.requestBody = { ...body, content };
    }
  }
  return bodyTypes;
}

/** A `#/components/...` reference's target, or the object itself. */
function resolveRef(document: OpenApiDocument, node: OpenApiDocument): OpenApiDocument {
  if (typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return node;
  return (
    node.$ref
      .slice(2)
      .split('/')
      .reduce((at: OpenApiDocument | undefined, part: string) => at?.[part], document) ?? node
  );
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

/**
 * One document for the whole process: every service's paths and components (see
 * @starling/contracts/bundle). A contract that declares its error shape at its root
 * (`x-starling-errors: mastodon`) has it stamped on each of its operations, where the
 * error handling reads it from the route that answers.
 */
export function mergeOpenApi(base: OpenApiDocument, documents: OpenApiDocument[]): OpenApiDocument {
  return mergeContracts(base, documents.map(withErrorFormat)) as OpenApiDocument;
}

function withErrorFormat(document: OpenApiDocument): OpenApiDocument {
  const format = document[ERROR_FORMAT];
  if (format === undefined) return document;
  const paths: OpenApiDocument = {};
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, OpenApiDocument>)) {
    paths[path] = Object.fromEntries(
      Object.entries(item).map(([key, value]) => [
        key,
        typeof value?.operationId === 'string' ? { ...value, [ERROR_FORMAT]: format } : value,
      ]),
    );
  }
  return { ...document, paths };
}

/**
 * The error format of a path no route matches, from the contract: Mastodon's under the
 * fixed start of its paths (up to three segments, before any `{param}`:
 * `/api/v1/accounts`, `/mastodon/avatars`), unless another contract has paths there too
 * (`/api/v2/search`, `/api/v2/media`), where Starling's problem stays.
 */
export function pathErrorFormats(document: OpenApiDocument): (path: string) => ErrorFormat {
  const prefixOf = (path: string) => {
    const segments = path.split('/').slice(1, 4);
    const fixed = segments.findIndex((s) => s.includes('{'));
    return `/${(fixed < 0 ? segments : segments.slice(0, fixed)).join('/')}`;
  };
  const mastodon = new Set<string>();
  const others = new Set<string>();
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, OpenApiDocument>)) {
    const operations = Object.values(item).filter((op) => typeof op?.operationId === 'string');
    (operations.every((op) => op[ERROR_FORMAT] === 'mastodon') ? mastodon : others).add(prefixOf(path));
  }
  for (const taken of others) mastodon.delete(taken);
  const prefixes = [...mastodon].filter((p) => p !== '/');
  return (path) => (prefixes.some((p) => path === p || path.startsWith(`${p}/`)) ? 'mastodon' : 'problem');
}
