import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EventBus } from './events/consumer.js';

/** One registry per app instance, so tests can build many apps in one process. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const eventsAppended = new Counter({
    name: 'starling_events_appended_total',
    help: 'Events appended to the event store',
    labelNames: ['service', 'type'] as const,
    registers: [registry],
  });
  return { registry, requestDuration, eventsAppended };
}

export type Metrics = ReturnType<typeof createMetrics>;

export function installRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.requestDuration.observe(
      {
        method: request.method,
        // The template, not the URL: one series per route, whatever the ids.
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
}

export function watchProjectionLag(metrics: Metrics, bus: EventBus): void {
  new Gauge({
    name: 'starling_projection_lag_events',
    help: 'Events appended that a consumer (projection or reactor) has not processed yet',
    labelNames: ['consumer'] as const,
    registers: [metrics.registry],
    async collect() {
      // The lag is read from the database. While it cannot be (not migrated yet, or
      // down), the lag is unknown: no series, rather than failing the whole scrape and
      // losing the metrics that say why, starling_ready among them.
      const lags = await bus.lag().catch(() => undefined);
      this.reset();
      for (const { consumer, lag } of lags ?? []) this.set({ consumer }, lag);
    },
  });
}
