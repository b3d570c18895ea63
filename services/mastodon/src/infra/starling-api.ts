import { API_BASE_URL, HttpProblem, OWN_API_HEADER, type ServiceContext } from '@starling/kit';
import { createStarlingClient, type Problem, type StarlingClient } from '@starling/sdk';
import type { FastifyRequest } from 'fastify';

/**
 * Starling's own API as the caller of a Mastodon request: the typed client over
 * `ctx.api` (in-process, or the owning service's replicas), sending the caller's
 * credentials, so every service checks who asks exactly as it does for the web app.
 * The mastodon service never acts on its own authority.
 */
export function starlingApi(ctx: Pick<ServiceContext, 'api'>, request: FastifyRequest): StarlingClient {
  return starlingApiWith(ctx, credentialsOf(request));
}

/**
 * The same client with the credentials given: a live stream's, whose token came in the
 * query or the WebSocket subprotocol and which calls the API long after its request.
 */
export function starlingApiWith(ctx: Pick<ServiceContext, 'api'>, forwarded: Record<string, string>): StarlingClient {
  return createStarlingClient({
    baseUrl: API_BASE_URL,
    fetch: (outgoing) => {
      for (const [name, value] of Object.entries(forwarded)) outgoing.headers.set(name, value);
      // Starling's own operation, where an app's token would route the call back here.
      outgoing.headers.set(OWN_API_HEADER, '1');
      return ctx.api(outgoing);
    },
  });
}

/** The caller's credentials: the bearer token Mastodon apps send, else the web app's cookie and CSRF header. */
function credentialsOf(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ['authorization', 'cookie', 'x-csrf-token', 'x-forwarded-for', 'x-request-id']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (!headers['x-forwarded-for']) headers['x-forwarded-for'] = request.ip;
  return headers;
}

/** What an openapi-fetch call returns: the data, or the error with the response. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful answer; a failed one is raised as the same status with
 * Starling's detail, which the kit's error handling words as Mastodon's `{"error": …}`
 * on Mastodon's paths.
 */
export function answerOf<T>(answer: Answer<T>): T {
  if (answer.response.ok && answer.error === undefined) return answer.data as T;
  throw problemOf(answer.response, answer.error);
}

/** An answer with no body (204) that must have succeeded. */
export function succeeded(answer: Omit<Answer<unknown>, 'data'>): void {
  if (!answer.response.ok) throw problemOf(answer.response, answer.error);
}

function problemOf(response: Response, error: unknown): HttpProblem {
  const problem = (typeof error === 'object' && error !== null ? error : {}) as Partial<Problem>;
  const headers: Record<string, string> = {};
  for (const name of ['www-authenticate', 'retry-after']) {
    const value = response.headers.get(name);
    if (value) headers[name] = value;
  }
  return new HttpProblem(
    response.status,
    problem.type?.replace(/^urn:starling:problem:/, '') ?? 'upstream',
    problem.title ?? response.statusText,
    problem.detail ?? `Starling answered ${response.status}.`,
    problem.errors,
    headers,
  );
}
