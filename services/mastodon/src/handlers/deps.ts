import type { OperationHandler, ServiceContext } from '@starling/kit';
import type { operations } from '../generated/openapi.js';
import type { LiveHub } from '../infra/live-hub.js';

/** What the service runs besides its handlers: the live connections of this process. */
export interface MastodonDeps {
  hub: LiveHub;
}

/** A handler for the Mastodon operation named `K` in openapi.yaml. */
export type Handler<K extends keyof operations> = (
  ctx: ServiceContext,
  deps: MastodonDeps,
) => OperationHandler<operations[K]>;
