import type { Migrations } from '@starling/kit';
import * as timeline0001 from './2026-11-23T0001-timeline.js';

export const migrations: Migrations = {
  '2026-11-23T0001-timeline': timeline0001,
};
