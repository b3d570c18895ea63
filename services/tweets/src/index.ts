import { fileURLToPath } from 'node:url';
import { attachmentsProjection } from '@starling/attachments';
import { authorsProjection } from '@starling/authors';
import { loadOpenApi, type ServiceDefinition } from '@starling/kit';
import { tweetsHandlers } from './handlers/index.js';
import { migrations } from './migrations/index.js';
import { tweetsProjection } from './projections/tweets.js';
import { accountDeletions } from './reactors/account-deletions.js';

// For importing tweets, likes and reposts in bulk (`starling seed`, `starling import`), through
// this service's own write path, with the rule bodies are checked by; and for writing
// them out (`starling export`).
export { importTweetActivity } from './commands/import-activity.js';
export { MAX_TWEET_LENGTH, tweetBody } from './domain/tweet.js';
export { likesForExport, repostsForExport, tweetsForExport, type TweetForExport } from './activity-export.js';

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
