import { fileURLToPath } from 'node:url';
import { loadOpenApi, type ServiceDefinition } from '@starling/kit';
import { accountsProjection } from './directory/accounts.js';
import { tweetsProjection } from './directory/tweets.js';
import { mail } from './mail/index.js';
import { migrations } from './migrations/index.js';
import { notifications } from './notifications/index.js';
import { notifySettings } from './settings.js';
import { webhooks } from './webhooks/index.js';

export { notifySettings, type NotifySettings } from './settings.js';

/**
 * The notify service: everything Starling tells people. In-app notifications
 * (notifications/), the one mail service every other service asks through the bus
 * (mail/), and signed webhooks (webhooks/). See docs/notifications.md.
 */
export function notifyService(): ServiceDefinition {
  const parts = [notifications, mail, webhooks];
  return {
    name: 'notify',
    openapi: loadOpenApi(fileURLToPath(new URL('../openapi.yaml', import.meta.url))),
    migrations,
    settings: notifySettings,
    consumers: (ctx) => [accountsProjection, tweetsProjection, ...parts.flatMap((part) => part.consumers(ctx))],
    handlers: (ctx) => Object.assign({}, ...parts.map((part) => part.handlers(ctx))),
    loops: (ctx) => parts.flatMap((part) => part.loops(ctx)),
  };
}
