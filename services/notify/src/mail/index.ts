import { sealKeyOf, type Consumer, type Loop, type ServiceContext, routeHandlers } from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';
import { deliveryLoop } from './delivery.js';
import { digestLoop } from './digest.js';
import {
  getMail,
  getNotificationPreferences,
  listMail,
  unsubscribe,
  updateNotificationPreferences,
} from './handlers.js';
import { notificationMail } from './notification-mail.js';
import { preferencesProjection } from './preferences.js';
import { mailRequests } from './requests.js';
import { mailSettingsOf } from './settings.js';
import type { MailEnvironment } from './store.js';
import { openTransport } from './transport.js';

const environmentOf = (ctx: ServiceContext): MailEnvironment => ({
  settings: mailSettingsOf(ctx.config.env),
  sealKey: sealKeyOf(ctx.config),
});

/**
 * The mail part of the notify service: the one place Starling sends mail from. Other
 * services ask with `MailRequested` (requests.ts); notifications are mailed per the
 * recipient's preferences (notification-mail.ts, digest.ts); workers send what is due
 * (delivery.ts). See docs/notifications.md, "Email".
 */
export const mail = {
  consumers: (ctx: ServiceContext): Consumer[] => {
    const settings = mailSettingsOf(ctx.config.env);
    return [preferencesProjection, ...mailRequests(ctx, settings), notificationMail(ctx, settings)];
  },
  handlers: (ctx: ServiceContext): Record<string, RouteHandlerMethod> => {
    const env = environmentOf(ctx);
    const handlers = {
      getNotificationPreferences,
      updateNotificationPreferences,
      listMail,
      getMail,
      unsubscribe: unsubscribe(env),
    };
    return routeHandlers(handlers, ctx);
  },
  loops: (ctx: ServiceContext): Loop[] => {
    const env = environmentOf(ctx);
    return [deliveryLoop(ctx, env, openTransport(env.settings, ctx.config.DATA_DIR, ctx.log)), digestLoop(ctx, env)];
  },
};
