import { TOKEN_AUDIENCE } from '@starling/kit';
import { jwtVerify } from 'jose';
import { endAuthorization, refreshTokenOwner } from '../commands/app-authorizations.js';
import type { Handler } from './deps.js';

/**
 * `POST /oauth/revoke` (RFC 7009): an app revokes an access or refresh token of its
 * own, which ends the whole authorization (every token of it, everywhere). A token that
 * is unknown, expired or another app's changes nothing and is answered the same.
 */
export const revokeOAuthToken: Handler<'revokeOAuthToken'> =
  ({ ctx, oauth, keys, settings }) =>
  async (request, reply) => {
    const body = { ...request.body };
    const app = await oauth.authenticateClient({ id: request.id, ip: request.ip, headers: request.headers, body });
    reply.header('cache-control', 'no-store');
    if (!app) {
      return reply
        .code(401)
        .header('www-authenticate', 'Basic realm="starling"')
        .send({ error: 'invalid_client', error_description: 'Client authentication failed.' });
    }
    if (!body.token) {
      return reply.code(400).send({ error: 'invalid_request', error_description: 'Missing parameter: `token`' });
    }
    const authorizationId = (await accessTokenSession(body.token)) ?? (await refreshTokenOwner(ctx.db, body.token));
    if (authorizationId) {
      await ctx.write((trx) =>
        endAuthorization(
          trx,
          authorizationId,
          { clientId: app.clientId, requestId: request.id },
          settings.OAUTH_ACCESS_TOKEN_TTL,
        ),
      );
    }
    return {};

    async function accessTokenSession(token: string): Promise<string | undefined> {
      try {
        const { payload } = await jwtVerify(token, keys.getKey, {
          issuer: ctx.config.TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          algorithms: ['ES256'],
        });
        return typeof payload.sid === 'string' ? payload.sid : undefined;
      } catch {
        return undefined;
      }
    }
  };
