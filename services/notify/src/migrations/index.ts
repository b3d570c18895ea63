import type { Migrations } from '@starling/kit';
import * as notify0001 from './2026-12-06T0001-notify.js';
import * as notifications0002 from './2026-12-06T0002-notifications.js';
import * as mail0003 from './2026-12-06T0003-mail.js';
import * as webhooks0004 from './2026-12-06T0004-webhooks.js';

export const migrations: Migrations = {
  '2026-12-06T0001-notify': notify0001,
  '2026-12-06T0002-notifications': notifications0002,
  '2026-12-06T0003-mail': mail0003,
  '2026-12-06T0004-webhooks': webhooks0004,
};
