import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';

const CSRF_COOKIE = 'starling_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function readCookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** The session rides in an HttpOnly cookie; writes echo the CSRF cookie in a header. */
const csrf: Middleware = {
  onRequest({ request }) {
    const token = readCookie(CSRF_COOKIE);
    if (token && !SAFE.has(request.method)) request.headers.set('x-csrf-token', decodeURIComponent(token));
    return request;
  },
};

/** The typed API client: every path, body and response comes from the services' OpenAPI documents. */
export function createApiClient(baseUrl = '') {
  const client = createClient<paths>({ baseUrl, credentials: 'same-origin' });
  client.use(csrf);
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;
