import { fileURLToPath } from 'node:url';
import { loadOpenApi, type ServiceDefinition } from '@starling/kit';
import { graphHandlers } from './handlers/index.js';
import { migrations } from './migrations/index.js';
import { followsProjection } from './projections/follows.js';
import { usersProjection } from './projections/users.js';
import { accountDeletions } from './reactors/account-deletions.js';

// For importing follows in bulk (`starling seed`, `starling import`), through this service's
// own write path, and for writing them out (`starling export`).
export { importFollows } from './commands/import-follows.js';
export { followsForExport } from './follows-export.js';

/** The graph service: who follows whom (API v1). */
export function graphService(): ServiceDefinition {
  return {
    name: 'graph',
    openapi: loadOpenApi(fileURLToPath(new URL('../openapi.yaml', import.meta.url))),
    migrations,
    consumers: () => [usersProjection, followsProjection, accountDeletions],
    handlers: graphHandlers,
  };
}
