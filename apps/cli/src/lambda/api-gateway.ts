import { CALLERS, type OpenApiDocument } from '@starling/kit';

/*
 * API Gateway (HTTP API) in front of the functions: its definition is generated from
 * the services' contracts, so that every operation reaches the function of the
 * service that serves it, and nothing is restated by hand.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;
/** HTTP API's name for a route of any method. */
export const ANY_METHOD = 'x-amazon-apigateway-any-method';
export const INTEGRATION = 'x-amazon-apigateway-integration';

export interface ServiceContract {
  name: string;
  openapi: OpenApiDocument;
  /** The API paths it owns (topology.ts); each becomes a route of any method to the service. */
  prefixes: readonly string[];
}

export interface ApiRoute {
  /** Upper case, or ANY. */
  method: string;
  path: string;
  service: string;
  /** The contract's operation; none for a prefix's or a version's catch-all. */
  operationId?: string;
  /** A live stream (Server-Sent Events or a WebSocket), which a function cannot hold open. */
  live?: boolean;
}

/**
 * Every route of the API:
 * - each operation of each contract, to its service (an operation only apps' tokens
 *   reach, on the path and method of another service's, is answered by that other
 *   service: API Gateway cannot route by the token, as nginx cannot; docs/mastodon.md);
 * - each service's prefixes, any method and anything under them, to that service, so
 *   a path or method its contract lacks gets the service's own problem+json answer;
 * - under each API version (`/api/v1`, `/api/v2`), anything else to `fallback` (the
 *   gateway's choice too: an unknown API path is identity's 404).
 */
export function apiRoutes(services: ServiceContract[], fallback: string): ApiRoute[] {
  const routes = new Map<string, ApiRoute>();
  const add = (route: ApiRoute) => {
    const key = `${route.method} ${route.path}`;
    if (!routes.has(key)) routes.set(key, route);
  };
  const appOnly: ApiRoute[] = [];
  for (const service of services) {
    for (const [path, item] of Object.entries(service.openapi.paths ?? {})) {
      for (const method of METHODS) {
        const operation = (item as Record<string, OpenApiDocument | undefined>)[method];
        if (!operation) continue;
        const route: ApiRoute = {
          method: method.toUpperCase(),
          path,
          service: service.name,
          operationId: operation.operationId,
          ...(isLive(service.openapi, operation) ? { live: true } : {}),
        };
        if (operation[CALLERS] === 'apps') appOnly.push(route);
        else add(route);
      }
    }
  }
  for (const route of appOnly) add(route);
  for (const service of services) {
    for (const prefix of service.prefixes) {
      add({ method: 'ANY', path: prefix, service: service.name });
      add({ method: 'ANY', path: `${prefix}/{proxy+}`, service: service.name });
    }
  }
  const versions = new Set([...routes.values()].map((r) => /^\/api\/v\d+(?=\/)/.exec(r.path)?.[0]).filter(Boolean));
  for (const version of [...versions].sort()) add({ method: 'ANY', path: `${version}/{proxy+}`, service: fallback });
  return [...routes.values()];
}

/**
 * The HTTP API's OpenAPI 3.0 document: a path item per route, each with its Lambda
 * integration (payload format 2.0), and no schemas: an HTTP API does not validate
 * requests, the services do, against their own contracts.
 */
export function apiGatewayDefinition(
  routes: ApiRoute[],
  options: { title: string; integrationUri: (service: string) => unknown; timeoutMs?: number },
): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    const parameters = [...route.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    item[route.method === 'ANY' ? ANY_METHOD : route.method.toLowerCase()] = {
      ...(route.operationId ? { operationId: route.operationId } : {}),
      ...(parameters.length ? { parameters } : {}),
      responses: { default: { description: `Answered by the ${route.service} service` } },
      [INTEGRATION]: {
        type: 'aws_proxy',
        httpMethod: 'POST',
        uri: options.integrationUri(route.service),
        payloadFormatVersion: '2.0',
        // API Gateway's most; a live stream would be cut here, which is why its function refuses it.
        timeoutInMillis: options.timeoutMs ?? 29_000,
      },
    };
  }
  return {
    openapi: '3.0.1',
    info: { title: options.title, version: '1' },
    'x-amazon-apigateway-importexport-version': '1.0',
    paths,
  };
}

/** Whether an operation answers with a live stream: a WebSocket upgrade (101) or Server-Sent Events. */
export function isLive(document: OpenApiDocument, operation: OpenApiDocument): boolean {
  return Object.entries(operation.responses ?? {}).some(([status, response]) => {
    if (status === '101') return true;
    const resolved = resolveRef(document, response as OpenApiDocument);
    return Object.keys(resolved?.content ?? {}).includes('text/event-stream');
  });
}

function resolveRef(document: OpenApiDocument, value: OpenApiDocument | undefined): OpenApiDocument | undefined {
  const ref = value?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return value;
  return ref
    .slice(2)
    .split('/')
    .reduce<OpenApiDocument | undefined>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
}
