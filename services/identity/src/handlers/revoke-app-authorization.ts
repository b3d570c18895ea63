import { problems } from '@starling/kit';
import { endAuthorization } from '../commands/app-authorizations.js';
import type { Handler } from './deps.js';

/** The user revokes an app: every token of the authorization is refused within a second or two. */
export const revokeAppAuthorization: Handler<'revokeAppAuthorization'> =
  ({ ctx, settings }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const ended = await ctx.write((trx) =>
      endAuthorization(
        trx,
        request.params.id,
        { userId: caller.userId, requestId: request.id },
        settings.OAUTH_ACCESS_TOKEN_TTL,
      ),
    );
    // Someone else's authorization is as unknown to the caller as one that never was.
    if (!ended) throw problems.notFound('You have authorized no app by this id.');
    return reply.code(204).send();
  };
