import type { OperationHandler, ServiceContext } from '@starling/kit';
import type { operations } from '../generated/openapi.js';
import type { MediaSettings } from '../settings.js';

/** A handler for the media operation named `K` in openapi.yaml. */
export type Handler<K extends keyof operations> = (
  ctx: ServiceContext,
  settings: MediaSettings,
) => OperationHandler<operations[K]>;
