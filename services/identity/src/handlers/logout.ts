import { logout as endSession } from '../commands/sessions.js';
import { clearSessionCookies } from './cookies.js';
import type { Handler } from './deps.js';

export const logout: Handler<'logout'> =
  ({ ctx, settings }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    // Once committed, every process's revocation feed refuses the session's tokens.
    await endSession(ctx, caller);
    clearSessionCookies(reply, settings);
    return reply.code(204).send();
  };
