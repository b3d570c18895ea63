import { problems } from '@starling/kit';
import { OAuthClientRefusal } from '../infra/oauth-server.js';
import type { Handler } from './deps.js';

/** The signed-in user's Authorize or Deny on the consent page (cookie and CSRF token). */
export const decideAuthorization: Handler<'decideAuthorization'> =
  ({ ctx, oauth }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    // An app's own token never consents for its user to another app (or to itself).
    if (caller.scopes) throw problems.forbidden('Only the user, signed in to Starling, may authorize an app.');
    const { approve, ...params } = request.body;
    try {
      const outcome = await oauth.authorize(
        { id: request.id, ip: request.ip, headers: request.headers, body: { response_type: 'code', ...params } },
        caller.userId,
        approve,
      );
      reply.header('cache-control', 'no-store');
      if ('redirectTo' in outcome) return { redirect_to: outcome.redirectTo };
      return outcome;
    } catch (err) {
      if (err instanceof OAuthClientRefusal) throw problems.badRequest(err.description);
      throw err;
    }
  };
