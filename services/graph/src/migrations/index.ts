import type { Migrations } from '@starling/kit';
import * as graph0001 from './2026-11-22T0001-graph.js';

export const migrations: Migrations = {
  '2026-11-22T0001-graph': graph0001,
};
