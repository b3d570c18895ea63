import { problems, sendProblem, type RateLimiter } from '@starling/kit';
import type { onRequestHookHandler } from 'fastify';
import type { GatewayMetrics } from './metrics.js';

/** The API, known routes or not. Health, metrics, the contract and the web app's files are never limited. */
const LIMITED = /^\/api(\/|\?|$)/;

/**
 * A fixed window of requests per client address (request.ip: the peer, or the client
 * a trusted proxy names when TRUST_PROXY is set), counted before anything else is done.
 */
export function rateLimit(limiter: RateLimiter, metrics: GatewayMetrics): onRequestHookHandler {
  return (request, reply, done) => {
    if (!LIMITED.test(request.url)) return done();
    const verdict = limiter.hit(request.ip);
    if (verdict.allowed) return done();
    metrics.rateLimited.inc();
    sendProblem(
      reply,
      problems.tooManyRequests(verdict.retryAfterSeconds, 'Too many requests from this address. Try again later.'),
    );
  };
}
