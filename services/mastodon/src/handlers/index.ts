import { routeHandlers, type ServiceContext } from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';
import { mastodonStreamingHealth } from './mastodon-streaming-health.js';

/** One handler per operationId in openapi.yaml. */
export function mastodonHandlers(ctx: ServiceContext): Record<string, RouteHandlerMethod> {
  const handlers = { mastodonStreamingHealth };
  return routeHandlers(handlers, ctx);
}
