import { fileURLToPath } from 'node:url';
import { authorsProjection } from '@starling/authors';
import { loadOpenApi, type ServiceDefinition } from '@starling/kit';
import { timelineHandlers } from './handlers/index.js';
import { migrations } from './migrations/index.js';
import { homeLimits } from './handlers/limits.js';
import { timelineAttachments } from './projections/attachments.js';
import { followsProjection } from './projections/follows.js';
import { homeWrites } from './projections/home-writes.js';
import { homesProjection } from './projections/homes-projection.js';
import { tweetsProjection } from './projections/tweets.js';
import { searchProjections } from './search/index.js';
import { timelineSettings } from './settings.js';

export { timelineSettings, type TimelineSettings } from './settings.js';

/** The timeline service: home, public and hashtag timelines, search and live streams (API v2). */
export function timelineService(): ServiceDefinition {
  return {
    name: 'timeline',
    openapi: loadOpenApi(fileURLToPath(new URL('../openapi.yaml', import.meta.url))),
    migrations,
    settings: timelineSettings,
    consumers: (ctx) => {
      // One for both: a bulk catch-up defers all home writes and rebuilds the homes once.
      const homes = homeWrites(homeLimits(ctx));
      return [
        authorsProjection('timeline.authors'),
        timelineAttachments(ctx.objects),
        tweetsProjection(homes),
        homesProjection(homes),
        followsProjection(homes),
        ...searchProjections,
      ];
    },
    handlers: timelineHandlers,
  };
}
