import { routeHandlers, type ServiceContext } from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';
import { followUser } from './follow-user.js';
import { listFollowers } from './list-followers.js';
import { listFollowing } from './list-following.js';
import { unfollowUser } from './unfollow-user.js';

/** One handler per operationId in openapi.yaml. */
export function graphHandlers(ctx: ServiceContext): Record<string, RouteHandlerMethod> {
  const handlers = { followUser, unfollowUser, listFollowers, listFollowing };
  return routeHandlers(handlers, ctx);
}
