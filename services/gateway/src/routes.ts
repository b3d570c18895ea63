import { CALLERS, type OpenApiDocument } from '@starling/kit';
import type { HTTPMethods } from 'fastify';
import type { ServiceName } from './upstreams.js';

/** One operation of a service's contract, as a route of the gateway. */
export interface ContractRoute {
  service: ServiceName;
  method: HTTPMethods;
  /** Fastify's form of the path: `/api/v1/users/:id`. */
  url: string;
  /** The contract's form: `/api/v1/users/{id}`. */
  path: string;
  /** The operation takes a multipart/form-data upload (a larger body limit applies). */
  upload: boolean;
  /**
   * It answers only registered apps' tokens (`x-starling-callers: apps`), sharing its
   * path and method with another service's operation, which answers the rest.
   */
  apps: boolean;
  /** The operation is a WebSocket endpoint (it answers 101): its upgrades are passed on (upgrades.ts). */
  webSocket?: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/**
 * The routing table: every path and method of every contract, owned by its service
 * (and HEAD wherever there is GET).
 * Two services claiming one operation is a contract error, refused at startup, unless
 * one of them takes only apps' tokens (docs/mastodon.md): then each gets its callers.
 */
export function contractRoutes(contracts: Map<ServiceName, OpenApiDocument>): ContractRoute[] {
  const owners = new Map<string, ServiceName>();
  const routes: ContractRoute[] = [];
  for (const [service, document] of contracts) {
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of METHODS) {
        if (!(item as Record<string, unknown>)[method]) continue;
        const operation = (
          item as Record<string, { requestBody?: { content?: object }; responses?: object; [CALLERS]?: string }>
        )[method];
        const apps = operation?.[CALLERS] === 'apps';
        const key = `${method.toUpperCase()} ${path}${apps ? ' (apps)' : ''}`;
        const owner = owners.get(key);
        if (owner) throw new Error(`${key} is in the contracts of both ${owner} and ${service}`);
        owners.set(key, service);
        const url = path.replace(/\{([^}]+)\}/g, ':$1');
        const upload = Object.keys(operation?.requestBody?.content ?? {}).includes('multipart/form-data');
        const webSocket = method === 'get' && Object.keys(operation?.responses ?? {}).includes('101');
        routes.push({
          service,
          method: method.toUpperCase() as HTTPMethods,
          url,
          path,
          upload,
          apps,
          ...(webSocket ? { webSocket } : {}),
        });
        // HEAD is GET without the body (RFC 9110 §9.3.2); the service answers it, headers and all.
        if (method === 'get' && !(item as Record<string, unknown>).head) {
          routes.push({ service, method: 'HEAD', url, path, upload: false, apps });
        }
      }
    }
  }
  return routes;
}
