import { type Consumer, type Loop, type ServiceContext, routeHandlers } from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';
import {
  countUnreadNotifications,
  dismissNotification,
  getNotification,
  listNotifications,
  markNotificationsRead,
} from './handlers.js';
import { notificationsProjection } from './projection.js';
import { accountNotifications } from './reactors/accounts.js';
import { followNotifications } from './reactors/follows.js';
import { tweetNotifications } from './reactors/tweets.js';
import { streamNotifications } from './stream.js';

/**
 * The notifications part of the notify service: reactors turn follows, replies,
 * mentions, likes and reposts into NotificationCreated in notify's own log, a projection
 * of that log is what the list, the unread count and the live stream read.
 */
export const notifications = {
  consumers: (_ctx: ServiceContext): Consumer[] => [
    followNotifications,
    tweetNotifications,
    accountNotifications,
    notificationsProjection,
  ],
  handlers: (ctx: ServiceContext): Record<string, RouteHandlerMethod> => {
    const handlers = {
      listNotifications,
      getNotification,
      countUnreadNotifications,
      markNotificationsRead,
      dismissNotification,
      streamNotifications,
    };
    return routeHandlers(handlers, ctx);
  },
  loops: (_ctx: ServiceContext): Loop[] => [],
};
