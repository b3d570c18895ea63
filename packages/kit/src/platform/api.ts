import type { FastifyInstance } from 'fastify';

/**
 * Starling's public HTTP API as a client sees it, for a service that is an adapter over
 * the others (mastodon): the same signature as `fetch`, so the typed SDK runs on it. The
 * URL's origin is ignored; its path picks the service that answers.
 */
export type ApiFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Where a path's service runs in another process: an origin per replica, none when it runs here. */
export type ApiRoute = (path: string) => string[];

/** The base URL a client of `ctx.api` passes: any origin serves, since only the path routes. */
export const API_BASE_URL = 'http://starling.api';

/**
 * Answers from this process's own app (in-process `inject`, no socket) when the path's
 * service runs here, from one of its replicas otherwise (round robin, the next replica
 * after a refused connection). An event stream is never asked this way: `inject` waits
 * for the whole answer.
 */
export function apiFetch(app: () => FastifyInstance, route: ApiRoute = () => []): ApiFetch {
  let turn = 0;
  return async (input, init) => {
    const request = new Request(
      typeof input === 'string' || input instanceof URL ? new URL(input, API_BASE_URL) : input,
      init,
    );
    const url = new URL(request.url);
    const path = url.pathname + url.search;
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const origins = route(url.pathname);
    if (origins.length === 0) {
      const res = await app().inject({
        method: request.method as 'GET',
        url: path,
        headers,
        ...(body ? { payload: body } : {}),
      });
      return new Response(nullBodyStatus(res.statusCode) ? null : new Uint8Array(res.rawPayload), {
        status: res.statusCode,
        headers: flatHeaders(res.headers),
      });
    }
    // undici (some 20 MB resident) is loaded by the processes that call other services
    // only: the mastodon adapter of the distributed mode, on its first call.
    const { request: send } = await import('undici');
    let failure: unknown;
    for (let i = 0; i < origins.length; i++) {
      const origin = origins[turn++ % origins.length]!;
      try {
        const res = await send(origin + path, {
          method: request.method as 'GET',
          headers,
          ...(body ? { body } : {}),
          signal: request.signal,
        });
        const payload = Buffer.from(await res.body.arrayBuffer());
        return new Response(nullBodyStatus(res.statusCode) ? null : new Uint8Array(payload), {
          status: res.statusCode,
          headers: flatHeaders(res.headers),
        });
      } catch (err) {
        // A replica that refused the connection never saw the request: the next one may answer.
        if ((err as { code?: string }).code !== 'ECONNREFUSED') throw err;
        failure = err;
      }
    }
    throw failure;
  };
}

const nullBodyStatus = (status: number) => status === 204 || status === 304 || (status >= 100 && status < 200);

function flatHeaders(headers: Record<string, string | string[] | number | undefined>): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'transfer-encoding' || name === 'connection') continue;
    for (const one of Array.isArray(value) ? value : [value]) out.append(name, String(one));
  }
  return out;
}
