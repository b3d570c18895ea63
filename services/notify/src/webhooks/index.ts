import { loadSettings, type Consumer, type Loop, type ServiceContext } from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';
import { webhookAccountDeletions } from './account-deletions.js';
import { deliveryLoop } from './delivery/loop.js';
import { webhookHandlers } from './handlers.js';
import { webhooksProjection } from './projection.js';
import { deliveryQueues } from './queue.js';
import { webhooksSchema, type WebhooksSettings } from './settings.js';

const settingsOf = (ctx: ServiceContext): WebhooksSettings => loadSettings(webhooksSchema, ctx.config.env);

/**
 * The webhooks part of the notify service: the `webhooks` projection and the queues that
 * turn events into deliveries, the API, and the loop that sends what is due.
 */
export const webhooks = {
  consumers: (ctx: ServiceContext): Consumer[] => [
    webhooksProjection,
    webhookAccountDeletions,
    ...deliveryQueues(settingsOf(ctx).WEBHOOK_MAX_ATTEMPTS),
  ],
  handlers: (ctx: ServiceContext): Record<string, RouteHandlerMethod> => webhookHandlers(ctx, settingsOf(ctx)),
  loops: (ctx: ServiceContext): Loop[] => [deliveryLoop(ctx, settingsOf(ctx))],
};
