import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web app's policy: only its own scripts, styles and API, nothing inline, no frames.
 * The built app satisfies it; anything injected into a page cannot run.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** API paths and platform routes are never pages: unknown ones stay problem+json 404s. */
const NOT_PAGES = /^\/(api|docs|openapi\.json|healthz|readyz|metrics)(\/|$)/;

/**
 * Serves the built single-page app from `root` at `/`, on the same origin as the API
 * (so no CORS is needed). Any other GET that asks for HTML gets index.html, so
 * client-side routes like /u/ada survive a reload. Returns the not-found fallback.
 */
export async function installWebApp(
  app: FastifyInstance,
  root: string,
): Promise<(request: FastifyRequest, reply: FastifyReply) => boolean> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`The web app is not built: ${join(root, 'index.html')} is missing (run npm run build)`);
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders(reply, path) {
      // Hashed assets never change; the page itself must always be revalidated.
      reply.headers({
        ...PAGE_HEADERS,
        'cache-control': path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    },
  });
  const page = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.headers({ ...PAGE_HEADERS, 'cache-control': 'no-cache' }).sendFile('index.html');
  app.get('/', { schema: { hide: true } }, page);
  return (request, reply) => {
    const path = request.url.split('?')[0]!;
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !NOT_PAGES.test(path) &&
      String(request.headers.accept ?? '').includes('text/html');
    if (wantsPage) void page(request, reply);
    return wantsPage;
  };
}
