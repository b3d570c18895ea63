import type { Migrations } from '@starling/kit';
import * as media0001 from './2026-12-05T0001-media.js';

export const migrations: Migrations = {
  '2026-12-05T0001-media': media0001,
};
