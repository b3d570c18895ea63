import type { OperationHandler, RateLimiter, ServiceContext } from '@starling/kit';
import type { operations } from '../generated/openapi.js';
import type { KeyRing } from '../keys.js';

export interface IdentityDeps {
  ctx: ServiceContext;
  keys: KeyRing;
  limiter: RateLimiter;
}

/** A handler for the identity operation named `K` in openapi.yaml. */
export type Handler<K extends keyof operations> = (deps: IdentityDeps) => OperationHandler<operations[K]>;
