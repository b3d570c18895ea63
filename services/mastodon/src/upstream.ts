import type { FastifyRequest } from 'fastify';

/**
 * The caller's credentials, for a call to Starling's own API on their behalf: the
 * bearer token (from the header, or a streaming client's `access_token`), else the
 * session cookie with its CSRF header.
 */
export function callerHeaders(request: FastifyRequest, token?: string): Record<string, string> {
  if (token) return { authorization: `Bearer ${token}` };
  const headers: Record<string, string> = {};
  const { authorization, cookie } = request.headers;
  const csrf = request.headers['x-csrf-token'];
  if (authorization) headers.authorization = authorization;
  else if (cookie) {
    headers.cookie = cookie;
    if (typeof csrf === 'string') headers['x-csrf-token'] = csrf;
  }
  return headers;
}
