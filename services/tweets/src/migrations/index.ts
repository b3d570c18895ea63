import { attachmentsMigrations } from '@starling/attachments';
import { authorsMigrations } from '@starling/authors';
import type { Migrations } from '@starling/kit';
import * as tweets0001 from './2026-11-22T0001-tweets.js';
import * as authors0002 from './2026-11-22T0002-authors.js';
import * as likes0003 from './2026-11-22T0003-likes.js';
import * as repliesReposts0004 from './2026-11-22T0004-replies-reposts.js';
import * as lastModified0005 from './2026-12-05T0001-last-modified.js';
import * as media0006 from './2026-12-05T0003-media.js';

export const migrations: Migrations = {
  '2026-11-22T0001-tweets': tweets0001,
  '2026-11-22T0002-authors': authors0002,
  '2026-11-22T0003-likes': likes0003,
  '2026-11-22T0004-replies-reposts': repliesReposts0004,
  '2026-12-05T0001-last-modified': lastModified0005,
  ...authorsMigrations,
  '2026-12-05T0003-media': media0006,
  ...attachmentsMigrations,
};
