import { routeHandlers, type ServiceContext } from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';
import { getHomeTimeline } from './get-home-timeline.js';
import { getPublicTimeline } from './get-public-timeline.js';
import { getTagTimeline } from './get-tag-timeline.js';
import { search } from './search.js';
import { streamHome } from './stream-home.js';

/** One handler per operationId in openapi.yaml. */
export function timelineHandlers(ctx: ServiceContext): Record<string, RouteHandlerMethod> {
  const handlers = { getHomeTimeline, getPublicTimeline, getTagTimeline, streamHome, search };
  return routeHandlers(handlers, ctx);
}
