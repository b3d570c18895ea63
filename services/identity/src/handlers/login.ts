import { login as openSession } from '../commands/sessions.js';
import { setSessionCookies } from './cookies.js';
import type { Handler } from './deps.js';

export const login: Handler<'login'> =
  ({ ctx, settings, keys, logins }) =>
  async (request, reply) => {
    const session = await openSession(
      { db: ctx.db, write: ctx.write, keys, config: ctx.config, logins },
      request.body,
      request.ip,
    );
    setSessionCookies(reply, settings, session);
    reply.header('cache-control', 'no-store');
    return { access_token: session.accessToken, token_type: 'Bearer' as const, expires_in: session.expiresIn };
  };
