import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OpenApiDocument } from './openapi.js';
import { sendProblem } from './error-handler.js';
import { problems } from './problem.js';
import { appendHeaderValues } from './security-headers.js';

/** Request headers a browser script may send: those the contracts read. */
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'If-None-Match',
  'If-Modified-Since',
  'If-Unmodified-Since',
  'X-CSRF-Token',
  'X-Request-Id',
].join(', ');

/** Response headers a browser script may read besides the simple ones. */
const EXPOSED_HEADERS = ['ETag', 'Last-Modified', 'Link', 'Location', 'Retry-After', 'X-Request-Id'].join(', ');

const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** Each contract path as a pattern, with the methods it has. */
function methodsByPath(document: OpenApiDocument) {
  return Object.entries(document.paths ?? {}).map(([template, item]) => ({
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    methods: Object.keys(item as object)
      .filter((m) => ['get', 'put', 'post', 'delete', 'patch'].includes(m))
      .map((m) => m.toUpperCase()),
  }));
}

/**
 * Cross-origin calls: only from the listed origins (CORS_ORIGINS; none by default, so
 * only the same origin), which may send credentials. A preflight (OPTIONS) on a
 * contract path answers with that path's methods; an origin not listed gets no CORS
 * headers at all, so the browser keeps its script out.
 */
export function installCors(app: FastifyInstance, origins: readonly string[], document: OpenApiDocument): void {
  const allowed = new Set(origins);
  const paths = methodsByPath(document);
  const listedOrigin = (request: FastifyRequest) => {
    const origin = request.headers.origin;
    return typeof origin === 'string' && allowed.has(origin) ? origin : undefined;
  };
  const allowOrigin = (reply: FastifyReply, origin: string) =>
    reply.headers({ 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' });

  app.addHook('onRequest', (request, reply, done) => {
    const origin = listedOrigin(request);
    if (origin && request.method !== 'OPTIONS') {
      allowOrigin(reply, origin).header('access-control-expose-headers', EXPOSED_HEADERS);
    }
    done();
  });

  // What is answered depends on the origin once some are listed: caches must keep them apart.
  if (allowed.size) {
    app.addHook('onSend', async (_request, reply, payload) => {
      appendHeaderValues(reply, 'vary', ['Origin']);
      return payload;
    });
  }

  app.options('*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const methods = paths.find((p) => p.pattern.test(path))?.methods;
    if (!methods) return sendProblem(reply, problems.notFound(`No route for OPTIONS ${path}.`));
    const allow = [...methods, 'OPTIONS'].join(', ');
    reply.header('allow', allow);
    const origin = listedOrigin(request);
    if (origin) {
      allowOrigin(reply, origin).headers({
        'access-control-allow-methods': allow,
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
      });
    }
    return reply.code(204).send();
  });
}

/** The origins CORS_ORIGINS lists. */
export const corsOrigins = (config: { CORS_ORIGINS?: string | undefined }): string[] =>
  config.CORS_ORIGINS ? config.CORS_ORIGINS.split(',') : [];
