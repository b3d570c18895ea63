import { fileURLToPath } from 'node:url';
import { loadOpenApi, type ServiceDefinition } from '@starling/kit';
import { mediaHandlers } from './handlers/index.js';
import { objectCleanup } from './jobs/object-cleanup.js';
import { extractor } from './jobs/extractor.js';
import { migrations } from './migrations/index.js';
import { mediaProjection } from './projections/media.js';
import { accountDeletions } from './reactors/account-deletions.js';
import { tweetMedia } from './reactors/tweet-media.js';
import { mediaSettings } from './settings.js';
import { startSweeper } from './infra/sweeper.js';

export { mediaSettings, type MediaSettings } from './settings.js';

/**
 * The media service: pictures uploaded to object storage, converted by the extractor
 * worker, attached to tweets (API v2, /api/v2/media). See docs/media.md.
 */
export function mediaService(): ServiceDefinition {
  return {
    name: 'media',
    openapi: loadOpenApi(fileURLToPath(new URL('../openapi.yaml', import.meta.url))),
    migrations,
    settings: mediaSettings,
    consumers: () => [mediaProjection, tweetMedia, accountDeletions],
    jobs: (ctx) => [extractor(ctx, mediaSettings(ctx.config.env)), objectCleanup(ctx)],
    handlers: (ctx) => mediaHandlers(ctx, mediaSettings(ctx.config.env)),
    async start(ctx) {
      startSweeper(ctx, mediaSettings(ctx.config.env));
    },
  };
}
