import { routeHandlers } from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';
import { createApp } from './create-app.js';
import { createUser } from './create-user.js';
import { deleteUserByUsername } from './delete-user-by-username.js';
import { deleteUser } from './delete-user.js';
import type { IdentityDeps } from './deps.js';
import { confirmEmail, requestEmailConfirmation } from './email-confirmation.js';
import { finishExternalLogin, listLoginProviders, startExternalLogin } from './external-login.js';
import { getInfo } from './get-info.js';
import { getJwks } from './get-jwks.js';
import { getMe } from './get-me.js';
import { getUser } from './get-user.js';
import { listIdentities, unlinkIdentity } from './identities.js';
import { listSuggestedUsers } from './list-suggested-users.js';
import { listUsers } from './list-users.js';
import { login } from './login.js';
import { lookupUser } from './lookup-user.js';
import { logout } from './logout.js';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.js';
import { updateUser } from './update-user.js';
import { decideAuthorization } from './decide-authorization.js';
import { getAuthorizationRequest } from './get-authorization-request.js';
import { getOAuthMetadata } from './get-oauth-metadata.js';
import { issueToken } from './issue-token.js';
import { listAppAuthorizations } from './list-app-authorizations.js';
import { revokeAppAuthorization } from './revoke-app-authorization.js';
import { revokeOAuthToken } from './revoke-oauth-token.js';
import { verifyAppCredentials } from './verify-app-credentials.js';

/** One handler per operationId in openapi.yaml. */
export function identityHandlers(deps: IdentityDeps): Record<string, RouteHandlerMethod> {
  const handlers = {
    getInfo,
    listUsers,
    listSuggestedUsers,
    createUser,
    deleteUserByUsername,
    lookupUser,
    getUser,
    updateUser,
    deleteUser,
    login,
    logout,
    getMe,
    requestPasswordReset,
    confirmPasswordReset,
    requestEmailConfirmation,
    confirmEmail,
    getJwks,
    // Third-party apps (OAuth 2).
    createApp,
    verifyAppCredentials,
    getAuthorizationRequest,
    decideAuthorization,
    issueToken,
    revokeOAuthToken,
    getOAuthMetadata,
    listAppAuthorizations,
    revokeAppAuthorization,
    listLoginProviders,
    startExternalLogin,
    finishExternalLogin,
    listIdentities,
    unlinkIdentity,
  };
  return routeHandlers(handlers, deps);
}
