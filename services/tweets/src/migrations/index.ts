import type { Migrations } from '@starling/kit';
import * as tweets0001 from './2026-11-22T0001-tweets.js';

export const migrations: Migrations = {
  '2026-11-22T0001-tweets': tweets0001,
};
