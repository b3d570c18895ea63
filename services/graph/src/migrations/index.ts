import type { Migrations } from '@starling/kit';
import * as graph0001 from './2026-11-22T0001-graph.js';
import * as accountDeletions0002 from './2026-11-23T0001-account-deletions.js';

export const migrations: Migrations = {
  '2026-11-22T0001-graph': graph0001,
  '2026-11-23T0001-account-deletions': accountDeletions0002,
};
