import type { Migrations } from '@starling/kit';
import * as identity0001 from './2026-11-22T0001-identity.js';
import * as social0002 from './2026-11-23T0001-social.js';
import * as attempts0003 from './2026-12-05T0001-attempt-counters.js';
import * as lastModified0004 from './2026-12-05T0002-last-modified.js';
import * as mailedTokens0005 from './2026-12-06T0001-mailed-tokens.js';
import * as externalIdentities0006 from './2026-12-06T0002-external-identities.js';
import * as oauthApps0007 from './2026-12-07T0001-oauth-apps.js';

export const migrations: Migrations = {
  '2026-11-22T0001-identity': identity0001,
  '2026-11-23T0001-social': social0002,
  '2026-12-05T0001-attempt-counters': attempts0003,
  '2026-12-05T0002-last-modified': lastModified0004,
  '2026-12-06T0001-mailed-tokens': mailedTokens0005,
  '2026-12-06T0002-external-identities': externalIdentities0006,
  '2026-12-07T0001-oauth-apps': oauthApps0007,
};
