import { createMetrics } from '@starling/kit';
import { Counter } from 'prom-client';

/** The platform's request metrics, and what only the gateway sees: its upstreams and its limit. */
export function createGatewayMetrics() {
  const metrics = createMetrics();
  const upstreamRequests = new Counter({
    name: 'starling_gateway_upstream_requests_total',
    help: 'Attempts to reach a service, by outcome (ok, server_error, unavailable, connection_failed, timeout, client_gone)',
    labelNames: ['service', 'outcome'] as const,
    registers: [metrics.registry],
  });
  const retries = new Counter({
    name: 'starling_gateway_retries_total',
    help: 'Requests sent again, to another replica or after a pause, because an attempt failed',
    labelNames: ['service'] as const,
    registers: [metrics.registry],
  });
  const rateLimited = new Counter({
    name: 'starling_gateway_rate_limited_total',
    help: 'Requests refused with 429 because their client address was over GATEWAY_RATE_LIMIT',
    registers: [metrics.registry],
  });
  return { ...metrics, upstreamRequests, retries, rateLimited };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
