import { vi } from 'vitest';
import type { components } from '../../src/api/schema.js';

export type User = components['schemas']['User'];
export type Tweet = components['schemas']['Tweet'];

export const ORIGIN = 'http://starling.test';

type Handler = (request: Request, url: URL) => Response | Promise<Response>;

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

export function problem(
  status: number,
  detail: string,
  errors?: { field: string; reason: string }[],
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ type: 'about:blank', title: 'Error', status, detail, ...(errors ? { errors } : {}) }),
    {
      status,
      headers: { 'content-type': 'application/problem+json', ...headers },
    },
  );
}

export const ada: User = {
  id: 'u-ada',
  username: 'ada',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  created_at: '2024-01-01T00:00:00.000Z',
};

export const grace: User = {
  id: 'u-grace',
  username: 'grace',
  name: 'Grace Hopper',
  created_at: '2024-01-02T00:00:00.000Z',
};

let sequence = 0;
export function tweetBy(author: User, body: string, timestamp = new Date().toISOString()): Tweet {
  sequence += 1;
  return {
    id: `t-${sequence}`,
    body,
    tweetedby: author.username,
    author_id: author.id,
    author_name: author.name,
    timestamp,
    like_count: 0,
  };
}

/**
 * A stand-in for the API: routes by "METHOD /path" and records every request, installed
 * as globalThis.fetch so the app's real client talks to it.
 */
export class FakeServer {
  readonly requests: Request[] = [];
  private readonly routes = new Map<string, Handler>();

  constructor(routes: Record<string, Handler> = {}) {
    for (const [route, handler] of Object.entries(routes)) this.routes.set(route, handler);
  }

  on(route: string, handler: Handler): this {
    this.routes.set(route, handler);
    return this;
  }

  readonly fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    this.requests.push(request.clone());
    const url = new URL(request.url);
    const handler = this.routes.get(`${request.method} ${url.pathname}`);
    if (!handler) return problem(404, `No route for ${request.method} ${url.pathname}`);
    return handler(request, url);
  });

  /** The requests made to `route` ("METHOD /path"), oldest first. */
  calls(route: string): Request[] {
    return this.requests.filter((r) => `${r.method} ${new URL(r.url).pathname}` === route);
  }
}

/** A server where `user` (or nobody) is logged in and the timeline holds `tweets`. */
export function serverWith({ user, tweets = [] }: { user: User | null; tweets?: Tweet[] }): FakeServer {
  return new FakeServer({
    'GET /api/v1/auth/me': () => (user ? json(user, { headers: { etag: '"v1"' } }) : problem(401, 'Log in first.')),
    'GET /api/v2/tweets': (_request, url) => {
      const by = url.searchParams.get('tweetedby');
      const list = by ? tweets.filter((t) => t.tweetedby.toLowerCase() === by.toLowerCase()) : tweets;
      return json({ tweets_list: list });
    },
  });
}
