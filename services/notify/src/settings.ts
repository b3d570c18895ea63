import { loadSettings, type Environment } from '@starling/kit';
import { mailSchema } from './mail/settings.js';
import { notificationsSchema } from './notifications/settings.js';
import { webhooksSchema } from './webhooks/settings.js';

/** The notify service's settings, each part's declared in its own folder. */
const schema = notificationsSchema.extend(mailSchema.shape).extend(webhooksSchema.shape);

export type NotifySettings = ReturnType<typeof schema.parse>;

export const notifySettings = (env: Environment): NotifySettings => loadSettings(schema, env);
