import type { OperationHandler, ServiceContext } from '@starling/kit';
import type { operations } from '../generated/openapi.js';
import type { KeyRing } from '../keys.js';
import type { LoginThrottle, SignUpThrottle } from '../login-throttle.js';
import type { IdentitySettings } from '../settings.js';

export interface IdentityDeps {
  ctx: ServiceContext;
  settings: IdentitySettings;
  keys: KeyRing;
  logins: LoginThrottle;
  signUps: SignUpThrottle;
}

/** A handler for the identity operation named `K` in openapi.yaml. */
export type Handler<K extends keyof operations> = (deps: IdentityDeps) => OperationHandler<operations[K]>;
