import type { ServiceContext } from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';

/** One handler per operationId in openapi.yaml. */
export function timelineHandlers(ctx: ServiceContext): Record<string, RouteHandlerMethod> {
  const handlers = {};
  return Object.fromEntries(
    Object.entries(handlers).map(([id, make]) => [
      id,
      (make as (c: ServiceContext) => unknown)(ctx) as RouteHandlerMethod,
    ]),
  );
}
