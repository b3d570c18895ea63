import { logout as endSession } from '../commands/sessions.js';
import { clearSessionCookies } from './cookies.js';
import type { Handler } from './deps.js';

export const logout: Handler<'logout'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const tokensValidUntil = await endSession(ctx, caller);
    ctx.revocations.revokeSession(caller.sessionId, (tokensValidUntil ?? new Date()).getTime());
    clearSessionCookies(reply, ctx.config);
    return reply.code(204).send();
  };
