import {
  corsOrigins,
  createLogger,
  forApps,
  installCallerConstraint,
  installCors,
  installErrorHandling,
  installHealthRoutes,
  installRequestLog,
  installTraceRoutes,
  installRequestMetrics,
  installSecurityHeaders,
  installWebApp,
  loadAccessPolicy,
  memoryRateLimiter,
  operationsOf,
  mergeOpenApi,
  serverOptions,
  tracingActive,
  type Config,
  type Fallback,
  type OpenApiDocument,
} from '@starling/kit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { trackConnections } from './connections.js';
import { accessCheck } from './access-policy.js';
import { edgeAuth, edgeTokens, identityKeys, TOKENLESS_PATHS } from './edge-auth.js';
import { createGatewayMetrics } from './metrics.js';
import { LiveStreams, proxyTo, unconfigured } from './proxy.js';
import { rateLimit } from './rate-limit.js';
import { gatewaySettings } from './settings.js';
import { contractRoutes } from './routes.js';
import { proxyUpgrades } from './upgrades.js';
import { Upstream, type ServiceName } from './upstreams.js';

export type { ServiceName } from './upstreams.js';

/** A service behind the gateway, as the topology declares it. */
export interface UpstreamService {
  name: ServiceName;
  /** The variable that says where it runs, named in the 503 while it is unset. */
  variable: string;
  /** Base URLs of its replicas; none when the variable is unset. */
  origins: string[];
  /** Its contract: the gateway routes every operation of it to the service. */
  contract: OpenApiDocument;
  /**
   * It keeps the object store's files: where they are kept in a folder (no S3_BUCKET),
   * the gateway also routes `/media/*` and `/media-uploads` to it, which it serves.
   */
  keepsFiles?: boolean;
}

export interface GatewayOptions {
  config: Config;
  /** The services to route to, in the topology's order. */
  services: UpstreamService[];
  logger?: Logger;
  /** The built web app to serve at `/` (apps/web/dist); none when omitted. */
  webRoot?: string;
}

export interface Gateway {
  app: FastifyInstance;
  /** Ends open event streams, lets other requests finish, then closes the upstream connections. */
  close(): Promise<void>;
}

/**
 * The edge of the distributed mode: one origin for the web app and the whole API, in
 * front of each service's replicas. It routes by the services' own contracts, checks
 * bearer tokens and limits request rates, and otherwise passes requests and answers
 * through untouched; the services validate and answer for themselves.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const settings = gatewaySettings(config.env);
  const contractList = options.services.map((s) => s.contract);
  const policy = loadAccessPolicy(config.ACCESS_POLICY, contractList);
  const log = options.logger ?? createLogger(config);
  const metrics = createGatewayMetrics();
  const live = new LiveStreams();

  const upstreams = new Map<ServiceName, Upstream>();
  for (const { name, origins } of options.services) {
    if (origins.length) upstreams.set(name, new Upstream(name, origins, metrics));
  }
  const identity = upstreams.get('identity');
  const keys = identity ? identityKeys(identity, log as FastifyBaseLogger) : undefined;

  const app = Fastify({ ...serverOptions(config, log as FastifyBaseLogger) });
  let pages: Fallback | undefined;
  installErrorHandling(app, (request, reply) => pages?.(request, reply) ?? false);
  installCallerConstraint(app);
  installRequestMetrics(app, metrics);
  installRequestLog(app, config.LOG_REQUESTS);
  if (tracingActive()) installTraceRoutes(app);
  installSecurityHeaders(app);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onRequest', rateLimit(memoryRateLimiter(...settings.GATEWAY_RATE_LIMIT), metrics));
  const connections = trackConnections(app.server);
  app.addHook('preClose', async () => {
    live.endAll();
    connections.closeIdle();
  });

  // Bodies pass through byte for byte, whatever their type: the services parse and validate them.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const contracts = new Map(options.services.map((s) => [s.name, s.contract]));
  const tokens = edgeTokens(keys, config.TOKEN_ISSUER);
  const checkToken = edgeAuth(tokens);
  const checkAccess = policy && accessCheck(policy, operationsOf(contractList), tokens);
  const routes = contractRoutes(contracts);
  proxyUpgrades(app.server, routes, upstreams, log as FastifyBaseLogger);
  for (const route of routes) {
    const upstream = upstreams.get(route.service);
    const policed = checkAccess?.(route.method, route.path);
    const variable = options.services.find((s) => s.name === route.service)!.variable;
    app.route({
      method: route.method,
      url: route.url,
      exposeHeadRoute: false,
      ...(route.apps ? forApps() : {}),
      ...(route.upload ? { bodyLimit: settings.GATEWAY_UPLOAD_LIMIT } : {}),
      onRequest: [...(TOKENLESS_PATHS.has(route.path) ? [] : [checkToken]), ...(policed ? [policed] : [])],
      handler: upstream ? proxyTo(upstream, config.TRUST_PROXY, live) : unconfigured(route.service, variable),
    });
  }

  // Files kept in a folder are served by the service that keeps them; in a bucket, by the bucket.
  const keeper = options.services.find((s) => s.keepsFiles);
  const keeperUpstream = keeper && upstreams.get(keeper.name);
  if (keeper && !config.S3_BUCKET) {
    const handler = keeperUpstream
      ? proxyTo(keeperUpstream, config.TRUST_PROXY, live)
      : unconfigured(keeper.name, keeper.variable);
    app.route({ method: ['GET', 'HEAD'], url: '/media/*', exposeHeadRoute: false, handler });
    app.route({ method: 'POST', url: '/media-uploads', bodyLimit: settings.GATEWAY_UPLOAD_LIMIT, handler });
  }

  // The whole API's contract, as the embedded server publishes it.
  const document = mergeOpenApi({ openapi: '3.1.0', info: { title: 'Starling API', version: '1.0.0' } }, [
    ...contracts.values(),
  ]);
  app.get('/openapi.json', async () => document);
  installCors(app, corsOrigins(config), document);
  if (options.webRoot) pages = await installWebApp(app, options.webRoot);

  installHealthRoutes(app, metrics, async () =>
    upstreams.size === 0
      ? `no service is configured (set ${options.services.map((s) => s.variable).join(', ')})`
      : undefined,
  );

  return {
    app,
    async close() {
      await app.close();
      await Promise.all([...upstreams.values()].map((u) => u.close()));
    },
  };
}
