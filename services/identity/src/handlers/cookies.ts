import type {} from '@fastify/cookie';
import { CSRF_COOKIE, SESSION_COOKIE } from '@starling/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IdentitySettings } from '../settings.js';

type Cookies = Pick<IdentitySettings, 'COOKIE_SECURE'>;

/** Whether cookies get the Secure flag: COOKIE_SECURE, or (auto) whether the request came over https. */
export const isSecure = (config: Cookies, request: FastifyRequest) =>
  config.COOKIE_SECURE === 'auto' ? request.protocol === 'https' : config.COOKIE_SECURE === 'true';

/**
 * The session cookie carries the access token and is HttpOnly; the CSRF cookie is
 * readable by the web app, which echoes it in X-CSRF-Token on writes.
 */
export function setSessionCookies(
  reply: FastifyReply,
  config: Cookies,
  session: { accessToken: string; csrfToken: string; expiresIn: number },
) {
  const common = {
    path: '/',
    sameSite: 'lax' as const,
    secure: isSecure(config, reply.request),
    maxAge: session.expiresIn,
  };
  reply.setCookie(SESSION_COOKIE, session.accessToken, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, config: Cookies) {
  const common = { path: '/', sameSite: 'lax' as const, secure: isSecure(config, reply.request) };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, common);
}
