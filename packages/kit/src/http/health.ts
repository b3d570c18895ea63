import type { FastifyInstance } from 'fastify';
import { Gauge } from 'prom-client';
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
  watchReadiness(metrics, notReadyReason);
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

/**
 * What /readyz would answer, asked again at each scrape: an orchestrator acts on the
 * probe, and this gauge lets Prometheus see it too, so a process that keeps dropping
 * out of its load balancer (the database coming and going) raises an alert.
 */
function watchReadiness(metrics: Metrics, notReadyReason: () => Promise<string | undefined>): void {
  new Gauge({
    name: 'starling_ready',
    help: '1 while GET /readyz answers 200, 0 while it answers 503',
    registers: [metrics.registry],
    async collect() {
      this.set((await notReadyReason()) === undefined ? 1 : 0);
    },
  });
}
