import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteHandlerMethod } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { corsOrigins, installCors } from '../http/cors.js';
import { docsPolicy } from '../http/docs-policy.js';
import { installErrorHandling, sendProblem, type ErrorFormat, type Fallback } from '../http/error-handler.js';
import { installHealthRoutes } from '../http/health.js';
import { installCallerConstraint } from '../http/app-callers.js';
import {
  mergeHandlers,
  mergeOpenApi,
  pathErrorFormats,
  registerOperations,
  type OpenApiDocument,
} from '../http/openapi.js';
import { platformOpenApi } from '../http/platform-openapi.js';
import { problems } from '../http/problem.js';
import { installRequestLog } from '../http/request-log.js';
import { installTraceRoutes } from '../tracing/http.js';
import { tracingActive } from '../tracing/start.js';
import { installSecurityHeaders } from '../http/security-headers.js';
import { serverOptions } from '../http/server-options.js';
import { exactBodies } from '../http/validation.js';
import { contentSecurityPolicy, installWebApp, mediaOrigins } from '../http/web-app.js';
import { installNotices, type NoticeOptions } from '../http/notices.js';
import { installScopeChecks } from '../http/scopes.js';
import { installAccessPolicy, type AccessPolicy } from '../http/access-policy.js';
import type { Authenticator } from '../auth/caller.js';
import { installInputChecks, optionalBodies } from '../http/well-formed-input.js';
import { installWebSockets } from '../http/websocket.js';
import { installRequestMetrics, type Metrics } from '../metrics.js';
import { compileOnFirstUse } from './compile-on-first-use.js';
import type { ServiceDefinition } from '../service.js';
import { installFolderRoutes } from '../storage/folder-routes.js';
import { FolderStore } from '../storage/folder-store.js';
import type { ObjectStore } from '../storage/object-store.js';

/**
 * What a multipart request may hold unless its route says otherwise: one file of at
 * most 16 MiB and a few short fields before it.
 */
export const MULTIPART_LIMITS = { files: 1, fields: 10, fieldSize: 4096, parts: 11, fileSize: 16 * 1024 * 1024 };

/** What answers before the process is ready: probes, metrics and the contract. */
const PLATFORM_ROUTES = new Set(['/healthz', '/readyz', '/metrics', '/openapi.json']);

export interface HttpAppOptions {
  config: Config;
  log: Logger;
  metrics: Metrics;
  services: ServiceDefinition[];
  /** Each service's operation handlers, where the process serves the API (not a worker). */
  handlers?: Array<Record<string, RouteHandlerMethod>>;
  webRoot?: string | undefined;
  /** The process's object store: a folder store is served at /media/ (folder-routes.ts). */
  objects?: ObjectStore;
  /** The notification rules and the services whose logs their notices go to (http/notices.ts). */
  notices?: Omit<NoticeOptions, 'metrics' | 'isReady'>;
  /** Verifies third-party apps' tokens, whose scopes bound what they may call (http/scopes.ts). */
  auth?: Authenticator;
  /** The access policy (http/access-policy.ts), checked before any operation's handler runs. */
  access?: { policy: AccessPolicy; auth: Authenticator };
  /** Until true, every request but the platform's own gets a 503. */
  isReady(): boolean;
  /** Why /readyz says 503, or undefined when the process is ready. */
  notReadyReason(): Promise<string | undefined>;
}

/**
 * The process's one Fastify app: the limits, hooks and error answers every process
 * shares (docs/architecture.md), the whole contract and its docs, the services'
 * operations, the web app and the health routes.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const { config, metrics } = options;
  const app = Fastify({
    ...serverOptions(config, options.log as FastifyBaseLogger),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true, useDefaults: true } },
    schemaController: {
      compilersFactory: {
        buildValidator: compileOnFirstUse(exactBodies),
        buildSerializer: compileOnFirstUse(SerializerSelector()),
      },
    },
  });
  let pages: Fallback | undefined;
  // Known once the contract is installed, below; a 404 before that is Starling's.
  const errorFormats: { ofPath?: (path: string) => ErrorFormat } = {};
  installErrorHandling(
    app,
    (request, reply) => pages?.(request, reply) ?? false,
    (path) => errorFormats.ofPath?.(path) ?? 'problem',
  );
  installCallerConstraint(app);
  installRequestMetrics(app, metrics);
  installRequestLog(app, config.LOG_REQUESTS);
  if (tracingActive()) installTraceRoutes(app);
  installSecurityHeaders(app);
  // Filled once the contract is read, before any request is taken.
  const bodiesMayBeLeftOut = new Set<string>();
  installInputChecks(app, bodiesMayBeLeftOut);
  await app.register(cookie);
  // Starling speaks JSON only: anything else is a 415, not a string handed to a handler.
  // The one exception is multipart/form-data, for uploads: only an operation whose
  // contract takes it accepts it (registerOperations), and its handler streams the
  // file with `request.file()`, passing its own `limits` to lower or raise these.
  app.removeContentTypeParser('text/plain');
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  // Read only by the operations whose contract takes a urlencoded form (registerOperations).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (!options.isReady() && !PLATFORM_ROUTES.has(request.url.split('?')[0]!)) {
      return sendProblem(reply, problems.unavailable('Starling is starting up.'));
    }
  });

  // Before any route: the plugin wraps each route's handler as it is added.
  await installWebSockets(app);
  const contract = await installContract(app, config, options.services);
  for (const operationId of optionalBodies(contract)) bodiesMayBeLeftOut.add(operationId);
  errorFormats.ofPath = pathErrorFormats(contract);
  if (options.webRoot) pages = await installWebApp(app, options.webRoot, contentSecurityPolicy(mediaOrigins(config)));
  const { handlers } = options;
  if (handlers) {
    // One registration for every service of the process: the plugin validates each
    // document it is given against the OpenAPI schema, compiling that schema anew each
    // time, which cost the embedded process a few hundred milliseconds at every start.
    await app.register(async (scope) => {
      if (options.auth) installScopeChecks(scope, contract, options.auth);
      if (options.access) installAccessPolicy(scope, options.access.policy, options.access.auth);
      if (options.notices) installNotices(scope, { ...options.notices, metrics, isReady: options.isReady });
      await registerOperations(scope, contract, mergeHandlers(handlers));
    });
  }
  if (handlers && options.objects instanceof FolderStore) installFolderRoutes(app, options.objects);
  installHealthRoutes(app, metrics, options.notReadyReason);
  return app;
}

/** Publishes the services' contracts as one (/openapi.json, /docs) and answers CORS from it. */
async function installContract(
  app: FastifyInstance,
  config: Config,
  services: ServiceDefinition[],
): Promise<OpenApiDocument> {
  const contract = mergeOpenApi(
    { openapi: platformOpenApi.openapi, info: platformOpenApi.info },
    services.map((s) => s.openapi),
  );
  const document = mergeOpenApi(platformOpenApi, [contract]);
  await app.register(swagger, { mode: 'static', specification: { document } as never });
  await app.register(swaggerUi, { routePrefix: '/docs', ...docsPolicy });
  installCors(app, corsOrigins(config), contract);
  app.get('/openapi.json', { schema: { hide: true } }, async () => document);
  return contract;
}
