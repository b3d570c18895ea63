import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { bucketUrl } from '../storage/s3-store.js';

/** Origins beyond the app's own that pages load pictures from and upload them to. */
export interface MediaOrigins {
  images: string[];
  uploads: string[];
}

/**
 * The web app's policy: only its own scripts, styles and API, nothing inline, no frames.
 * The built app satisfies it; anything injected into a page cannot run. Pictures may
 * also come from the object store's public origin (and be previews: `blob:`), and
 * uploads go to where the store presigns them.
 */
export function contentSecurityPolicy(media: MediaOrigins = { images: [], uploads: [] }): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    ["img-src 'self' data: blob:", ...media.images].join(' '),
    "font-src 'self'",
    ["connect-src 'self'", ...media.uploads].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy when objects are served and uploaded on the app's own origin. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

type MediaConfig = Pick<Config, 'MEDIA_PUBLIC_URL' | 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_FORCE_PATH_STYLE'>;

/**
 * Where the object store's pictures are fetched from (MEDIA_PUBLIC_URL, else the
 * bucket) and uploads are posted to (the bucket, else MEDIA_PUBLIC_URL's origin, which
 * the folder store's `/media-uploads` form names), when not the app's own origin.
 */
export function mediaOrigins(config: MediaConfig): MediaOrigins {
  const origin = (url: string | undefined) => (url ? [new URL(url).origin] : []);
  const bucket = config.S3_BUCKET
    ? bucketUrl({
        bucket: config.S3_BUCKET,
        endpoint: config.S3_ENDPOINT,
        region: config.S3_REGION,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
      })
    : undefined;
  return {
    images: origin(config.MEDIA_PUBLIC_URL ?? bucket),
    uploads: origin(bucket ?? config.MEDIA_PUBLIC_URL),
  };
}

const pageHeaders = (policy: string) => ({
  'content-security-policy': policy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
});

/** API paths, platform routes and stored objects are never pages: unknown ones stay problem+json 404s. */
const NOT_PAGES = /^\/(api|docs|openapi\.json|healthz|readyz|metrics|media|media-uploads)(\/|$)/;

/**
 * Serves the built single-page app from `root` at `/`, on the same origin as the API
 * (so no CORS is needed). Any other GET that asks for HTML gets index.html, so
 * client-side routes like /u/ada survive a reload. Returns the not-found fallback.
 * `policy` is the pages' Content-Security-Policy (contentSecurityPolicy(mediaOrigins(config))).
 */
export async function installWebApp(
  app: FastifyInstance,
  root: string,
  policy: string = CONTENT_SECURITY_POLICY,
): Promise<(request: FastifyRequest, reply: FastifyReply) => boolean> {
  const PAGE_HEADERS = pageHeaders(policy);
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
