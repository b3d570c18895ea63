import { fileURLToPath } from 'node:url';
import { loadOpenApi, type ServiceDefinition } from '@starling/kit';
import { mastodonHandlers } from './handlers/index.js';
import { LiveHub } from './infra/live-hub.js';
import { migrations } from './migrations/index.js';
import { markersProjection } from './projections/markers.js';
import { mastodonSettings } from './settings.js';

/**
 * The mastodon service: Mastodon's client API, so the apps people already like (Elk,
 * Phanpy, Ivory, Tusky, Ice Cubes, anything on masto or megalodon) work with Starling.
 * An adapter: it answers by calling Starling's own API (`ctx.api`) with the caller's
 * token and reshaping the answers, and it listens to events for the live streams. It
 * owns only what nothing else keeps (reading-position markers). See docs/mastodon.md.
 */
export function mastodonService(): ServiceDefinition {
  // This process's live connections, which its handlers open and its consumers feed.
  const hub = new LiveHub();
  return {
    name: 'mastodon',
    openapi: loadOpenApi(fileURLToPath(new URL('../openapi.yaml', import.meta.url))),
    migrations,
    settings: mastodonSettings,
    consumers: () => [markersProjection, ...hub.consumers()],
    handlers: (ctx) => mastodonHandlers(ctx, { hub }),
  };
}
