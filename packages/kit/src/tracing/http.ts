import { context } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import type { FastifyInstance } from 'fastify';

/** The W3C Trace Context headers. */
export const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

/**
 * Names each request's server span by its route (`POST /api/v2/tweets`, not one span
 * name per tweet id) and records it as `http.route`: the HTTP instrumentation, which
 * made the span, reads the route from the request's context when the response ends.
 */
export function installTraceRoutes(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const rpc = getRPCMetadata(context.active());
    const route = request.routeOptions.url;
    if (rpc?.type === RPCType.HTTP && route) rpc.route = route;
    done();
  });
}
