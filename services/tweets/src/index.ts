import { fileURLToPath } from 'node:url';
import { attachmentsProjection } from '@starling/attachments';
import { authorsProjection } from '@starling/authors';
import { loadOpenApi, type ServiceDefinition } from '@starling/kit';
import { tweetsHandlers } from './handlers/index.js';
import { migrations } from './migrations/index.js';
import { tweetsProjection } from './projections/tweets.js';
import { accountDeletions } from './reactors/account-deletions.js';

// For importing tweets, likes and reposts in bulk (`starling seed`), through this service's own write path.
export { importTweetActivity } from './commands/import-activity.js';

/** The tweets service: posting, reading and deleting tweets (API v2). */
export function tweetsService(): ServiceDefinition {
  return {
    name: 'tweets',
    openapi: loadOpenApi(fileURLToPath(new URL('../openapi.yaml', import.meta.url))),
    migrations,
    consumers: (ctx) => [
      tweetsProjection,
      authorsProjection('tweets.authors'),
      attachmentsProjection('tweets.attachments', ctx.objects),
      accountDeletions,
    ],
    handlers: tweetsHandlers,
  };
}
