import type { OperationHandler, ServiceContext } from '@starling/kit';
import type { operations } from '../generated/openapi.js';
import type { LiveHub } from '../infra/live-hub.js';
import type { Site } from '../presenters/site.js';
import { mastodonSettings } from '../settings.js';

/** What the service runs besides its handlers: the live connections of this process. */
export interface MastodonDeps {
  hub: LiveHub;
}

/** A handler for the Mastodon operation named `K` in openapi.yaml. */
export type Handler<K extends keyof operations> = (
  ctx: ServiceContext,
  deps: MastodonDeps,
) => OperationHandler<operations[K]>;

/** Where the entities' links point (PUBLIC_URL). */
export const siteOf = (ctx: Pick<ServiceContext, 'config'>): Site => ({
  origin: mastodonSettings(ctx.config.env).PUBLIC_URL,
});
