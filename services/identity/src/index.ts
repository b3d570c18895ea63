import { fileURLToPath } from 'node:url';
import { loadOpenApi, loginRateLimit, memoryRateLimiter, type ServiceDefinition } from '@starling/kit';
import { identityHandlers } from './handlers/index.js';
import { KeyRing } from './keys.js';
import { migrations } from './migrations/index.js';
import { credentialsProjection } from './projections/credentials.js';
import { sessionsProjection } from './projections/sessions.js';
import { usersProjection } from './projections/users.js';

export { grantAdmin } from './commands/grant-admin.js';

/** The identity service: accounts, credentials, sessions and tokens (API v1). */
export function identityService(): ServiceDefinition {
  const keys = new KeyRing();
  return {
    name: 'identity',
    openapi: loadOpenApi(fileURLToPath(new URL('../openapi.yaml', import.meta.url))),
    migrations,
    verificationKeys: keys.getKey,
    consumers: () => [usersProjection, credentialsProjection, sessionsProjection],
    handlers(ctx) {
      const { attempts, windowSeconds } = loginRateLimit(ctx.config);
      return identityHandlers({ ctx, keys, limiter: memoryRateLimiter(attempts, windowSeconds) });
    },
    async start(ctx) {
      await keys.load(ctx.db, ctx.config);
    },
  };
}
