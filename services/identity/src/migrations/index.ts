import type { Migrations } from '@starling/kit';
import * as identity0001 from './2026-11-22T0001-identity.js';
import * as social0002 from './2026-11-23T0001-social.js';

export const migrations: Migrations = {
  '2026-11-22T0001-identity': identity0001,
  '2026-11-23T0001-social': social0002,
};
