import type { Db } from '@starling/kit';
import type { DirectoryTables } from './directory/tables.js';
import type { MailTables } from './mail/tables.js';
import type { NotificationsTables } from './notifications/tables.js';
import type { WebhooksTables } from './webhooks/tables.js';

/**
 * The notify service's tables, as its migrations leave them, each part's in its own
 * folder. The event store's own tables (`events`, `consumer_checkpoints`) belong to the kit.
 */
export interface NotifyTables extends DirectoryTables, NotificationsTables, MailTables, WebhooksTables {}

export type NotifyDb = Db<NotifyTables>;
