import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics.js';
import { sendProblem } from './error-handler.js';
import { problems } from './problem.js';

/**
 * Liveness (the process answers), readiness (it can serve: `notReadyReason` says why
 * not) and Prometheus metrics. They stay out of the published API document.
 */
export function installHealthRoutes(
  app: FastifyInstance,
  metrics: Metrics,
  notReadyReason: () => Promise<string | undefined>,
): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const reason = await notReadyReason();
    if (reason) return sendProblem(reply, problems.unavailable(`Not ready: ${reason}.`));
    return { status: 'ready' };
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
