import type { FastifyInstance } from 'fastify';

/** A request slower than this is always logged, whatever LOG_REQUESTS says. */
export const SLOW_REQUEST_MS = 1000;

/**
 * One line per answered request: at `info` with LOG_REQUESTS=true, otherwise at
 * `debug`, since under load the lines cost throughput and tens of megabytes a minute.
 * Slow requests are logged at `warn` either way; failures are logged by the error
 * handler, with the error.
 */
export function installRequestLog(app: FastifyInstance, logRequests: boolean): void {
  app.addHook('onResponse', (request, reply, done) => {
    const responseTime = Math.round(reply.elapsedTime);
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, responseTime };
    // An event stream lasts as long as its reader stays: long is its normal.
    const streamed = String(reply.getHeader('content-type') ?? '').startsWith('text/event-stream');
    if (responseTime >= SLOW_REQUEST_MS && !streamed) request.log.warn(line, 'slow request');
    else if (logRequests) request.log.info(line, 'request completed');
    else request.log.debug(line, 'request completed');
    done();
  });
}
