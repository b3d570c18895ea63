import { attachmentsMigrations } from '@starling/attachments';
import { authorsMigrations } from '@starling/authors';
import type { Migrations } from '@starling/kit';
import * as timeline0001 from './2026-11-23T0001-timeline.js';
import * as search0002 from './2026-11-23T0002-search.js';
import * as timelines0003 from './2026-11-23T0003-timelines.js';
import * as homeSizes0004 from './2026-11-23T0004-home-sizes.js';
import * as bigAccounts0001 from './2026-12-04T0001-big-accounts.js';
import * as authorModifiedAt0002 from './2026-12-05T0001-author-modified-at.js';
import * as media0003 from './2026-12-05T0003-media.js';
import * as pendingFanout0001 from './2026-12-06T0001-pending-fanout.js';

export const migrations: Migrations = {
  '2026-11-23T0001-timeline': timeline0001,
  '2026-11-23T0002-search': search0002,
  '2026-11-23T0003-timelines': timelines0003,
  '2026-11-23T0004-home-sizes': homeSizes0004,
  '2026-12-04T0001-big-accounts': bigAccounts0001,
  '2026-12-05T0001-author-modified-at': authorModifiedAt0002,
  ...authorsMigrations,
  '2026-12-05T0003-media': media0003,
  ...attachmentsMigrations,
  '2026-12-06T0001-pending-fanout': pendingFanout0001,
};
