import { fileURLToPath } from 'node:url';
import { loadOpenApi, loginRateLimit, signUpRateLimit, type ServiceDefinition } from '@starling/kit';
import { AttemptCounters } from './attempt-counters.js';
import { identityHandlers } from './handlers/index.js';
import { KeyRing } from './keys.js';
import { LoginThrottle, SignUpThrottle } from './login-throttle.js';
import { migrations } from './migrations/index.js';
import { credentialsProjection } from './projections/credentials.js';
import { relationshipsProjection } from './projections/relationships.js';
import { sessionsProjection } from './projections/sessions.js';
import { tweetCountsProjection } from './projections/tweet-counts.js';
import { usersProjection } from './projections/users.js';

export { grantAdmin } from './commands/grant-admin.js';
// For importing accounts in bulk (`starling seed`), through this service's own write path.
export { claimedNames, importRegistrations, type ClaimedNames } from './commands/import-users.js';
export { hashPassword } from './domain/password.js';

/** The identity service: accounts, credentials, sessions and tokens (API v1). */
export function identityService(): ServiceDefinition {
  const keys = new KeyRing();
  return {
    name: 'identity',
    openapi: loadOpenApi(fileURLToPath(new URL('../openapi.yaml', import.meta.url))),
    migrations,
    verificationKeys: keys.getKey,
    consumers: () => [
      usersProjection,
      credentialsProjection,
      sessionsProjection,
      // Counts and relationships, from the graph's and the tweets' logs: one consumer per source.
      relationshipsProjection,
      tweetCountsProjection,
    ],
    handlers(ctx) {
      const counters = new AttemptCounters(ctx.db);
      const logins = new LoginThrottle(counters, loginRateLimit(ctx.config));
      const signUps = new SignUpThrottle(counters, signUpRateLimit(ctx.config));
      return identityHandlers({ ctx, keys, logins, signUps });
    },
    async start(ctx) {
      await keys.load(ctx.db, ctx.config);
    },
  };
}
