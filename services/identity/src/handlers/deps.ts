import { ifMatch, type OperationHandler, type ServiceContext } from '@starling/kit';
import type { FastifyRequest } from 'fastify';
import type { AccountMail } from '../commands/account-mail.js';
import type { ChangeRequest } from '../commands/change-user.js';
import type { operations } from '../generated/openapi.js';
import type { OAuthServer } from '../infra/oauth-server.js';
import type { ExternalLogin } from '../infra/oidc/external-login.js';
import type { KeyRing } from '../keys.js';
import type { LoginThrottle, PasswordResetThrottle, SignUpThrottle } from '../login-throttle.js';
import type { IdentitySettings } from '../settings.js';

export interface IdentityDeps {
  ctx: ServiceContext;
  settings: IdentitySettings;
  keys: KeyRing;
  logins: LoginThrottle;
  signUps: SignUpThrottle;
  passwordResets: PasswordResetThrottle;
  mail: AccountMail;
  oauth: OAuthServer;
  /** Sign-in with external providers (OIDC_PROVIDERS). */
  externalLogin: ExternalLogin;
}

/** A handler for the identity operation named `K` in openapi.yaml. */
export type Handler<K extends keyof operations> = (deps: IdentityDeps) => OperationHandler<operations[K]>;

/** What a change to an account is checked against (`If-Match`) and recorded with. */
export const changeRequest = (request: FastifyRequest): ChangeRequest => ({
  expected: ifMatch(request),
  requestId: request.id,
});
