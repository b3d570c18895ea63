import type { Migrations } from '@starling/kit';
import * as mastodon0001 from './2026-12-06T0001-mastodon.js';
import * as markers0002 from './2026-12-06T0002-markers.js';
import * as mastodon0003 from './2026-12-06T0003-idempotency-keys.js';

export const migrations: Migrations = {
  '2026-12-06T0001-mastodon': mastodon0001,
  '2026-12-06T0002-markers': markers0002,
  '2026-12-06T0003-idempotency-keys': mastodon0003,
};
