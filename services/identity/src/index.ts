import { fileURLToPath } from 'node:url';
import { loadOpenApi, sealKeyOf, type ServiceDefinition } from '@starling/kit';
import { AttemptCounters } from './attempt-counters.js';
import { AccountMail } from './commands/account-mail.js';
import { identityHandlers } from './handlers/index.js';
import { OAuthServer } from './infra/oauth-server.js';
import { ExternalLogin } from './infra/oidc/external-login.js';
import { externalLoginSettings } from './infra/oidc/settings.js';
import { KeyRing } from './keys.js';
import { LoginThrottle, PasswordResetThrottle, SignUpThrottle } from './login-throttle.js';
import { migrations } from './migrations/index.js';
import { appsProjection } from './projections/apps.js';
import { credentialsProjection } from './projections/credentials.js';
import { externalIdentitiesProjection } from './projections/external-identities.js';
import { relationshipsProjection } from './projections/relationships.js';
import { sessionsProjection } from './projections/sessions.js';
import { tweetCountsProjection } from './projections/tweet-counts.js';
import { usersProjection } from './projections/users.js';
import {
  accountMailRateLimit,
  identitySettings,
  loginRateLimit,
  passwordResetRateLimit,
  signUpRateLimit,
} from './settings.js';

export { grantAdmin } from './commands/grant-admin.js';
// For importing accounts in bulk (`starling seed`, `starling import`), through this service's
// own write path, and for writing them out (`starling export`).
export {
  claimedNames,
  EMAIL_TAKEN,
  importRegistrations,
  USERNAME_TAKEN,
  type ClaimedNames,
} from './commands/import-users.js';
export { accountsForExport, type AccountForExport } from './read-models/accounts-export.js';
export { findUserByUsername } from './read-models.js';
export { hashPassword } from './domain/password.js';
export { tokenRevocations } from './revocations.js';
export { identitySettings, loginRateLimit, signUpRateLimit, type IdentitySettings } from './settings.js';

/** The identity service: accounts, credentials, sessions and tokens (API v1). */
export function identityService(): ServiceDefinition {
  const keys = new KeyRing();
  return {
    name: 'identity',
    openapi: loadOpenApi(fileURLToPath(new URL('../openapi.yaml', import.meta.url))),
    migrations,
    settings: identitySettings,
    verificationKeys: keys.getKey,
    consumers: () => [
      usersProjection,
      credentialsProjection,
      sessionsProjection,
      externalIdentitiesProjection,
      // Counts and relationships, from the graph's and the tweets' logs: one consumer per source.
      relationshipsProjection,
      tweetCountsProjection,
      appsProjection,
    ],
    handlers(ctx) {
      const settings = identitySettings(ctx.config.env);
      const counters = new AttemptCounters(ctx.db);
      const logins = new LoginThrottle(counters, loginRateLimit(settings));
      const signUps = new SignUpThrottle(counters, signUpRateLimit(settings));
      const passwordResets = new PasswordResetThrottle(counters, passwordResetRateLimit(settings));
      const mail = new AccountMail(sealKeyOf(ctx.config), counters, {
        passwordResetTtl: settings.PASSWORD_RESET_TTL,
        emailConfirmationTtl: settings.EMAIL_CONFIRMATION_TTL,
        perAccount: accountMailRateLimit(settings),
      });
      const oauth = new OAuthServer({ ctx, settings, keys, logins });
      const externalLogin = new ExternalLogin(externalLoginSettings(ctx.config.env), ctx.db);
      return identityHandlers({ ctx, settings, keys, logins, signUps, passwordResets, mail, oauth, externalLogin });
    },
    async start(ctx) {
      await keys.load(ctx.db, identitySettings(ctx.config.env).AUTH_SIGNING_KEY);
    },
  };
}
