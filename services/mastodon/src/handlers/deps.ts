import type { OperationHandler, ServiceContext } from '@starling/kit';
import type { operations } from '../generated/openapi.js';

/** A handler for the Mastodon operation named `K` in openapi.yaml. */
export type Handler<K extends keyof operations> = (ctx: ServiceContext) => OperationHandler<operations[K]>;
