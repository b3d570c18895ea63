import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** What an API answer (JSON, problem documents, event streams) may do in a browser: nothing. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

const SAFE = new Set(['GET', 'HEAD']);

const carriesCredentials = (request: FastifyRequest) =>
  request.headers.authorization !== undefined || request.headers.cookie !== undefined;

/** Adds values to a comma-separated header such as Vary, keeping what is there. */
export function appendHeaderValues(reply: FastifyReply, name: string, values: string[]): void {
  const present = String(reply.getHeader(name) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const missing = values.filter((v) => !present.some((p) => p.toLowerCase() === v.toLowerCase()));
  if (missing.length) reply.header(name, [...present, ...missing].join(', '));
}

/**
 * Headers every answer carries: no MIME sniffing, no framing, and a content policy for
 * anything that set none of its own (the web app's pages and the API docs set theirs).
 * A read of the API may depend on who asks (the viewer's likes, their home timeline):
 * it varies by the credentials, and an answer to a request that carried some is private.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', API_POLICY);
    if (SAFE.has(request.method) && request.url.startsWith('/api/')) {
      appendHeaderValues(reply, 'vary', ['Authorization', 'Cookie']);
      if (carriesCredentials(request) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'private');
    }
    done(null, payload);
  });
}
