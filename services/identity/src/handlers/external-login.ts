import type {} from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import { HttpProblem } from '@starling/kit';
import { signInExternally, wouldRegister } from '../commands/external-identities.js';
import { startSession } from '../commands/sessions.js';
import { ExternalLoginFailure } from '../infra/oidc/failure.js';
import { FLOW_TTL_SECONDS } from '../infra/oidc/flows.js';
import { setSessionCookies, isSecure } from './cookies.js';
import type { Handler } from './deps.js';

/** Binds a flow to the browser that started it: its `state`, HttpOnly, sent back only to the callback. */
const FLOW_COOKIE = 'starling_oidc';
const FLOW_COOKIE_PATH = '/api/v1/auth/oidc';

export const listLoginProviders: Handler<'listLoginProviders'> =
  ({ externalLogin }) =>
  async () =>
    externalLogin.list();

export const startExternalLogin: Handler<'startExternalLogin'> =
  ({ ctx, settings, externalLogin }) =>
  async (request, reply) => {
    // Linking needs the owner signed in; a sign-in needs no one.
    const linkUserId = request.query.link ? (await ctx.auth.require(request)).userId : undefined;
    try {
      const { url, state } = await externalLogin.begin(request.params.provider, linkUserId);
      reply.setCookie(FLOW_COOKIE, state, {
        path: FLOW_COOKIE_PATH,
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level navigation from another site.
        sameSite: 'lax',
        secure: isSecure(settings, request),
        maxAge: FLOW_TTL_SECONDS,
      });
      return reply.code(302).header('cache-control', 'no-store').header('location', url).send();
    } catch (error) {
      return refused(reply, 302, error, linkUserId !== undefined);
    }
  };

export const finishExternalLogin: Handler<'finishExternalLogin'> =
  ({ ctx, settings, keys, mail, signUps, externalLogin }) =>
  async (request, reply) => {
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    const cookieState = request.cookies[FLOW_COOKIE];
    // The flow is spent whatever happens next.
    reply.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH, httpOnly: true, sameSite: 'lax' });
    reply.header('cache-control', 'no-store');
    let linking = false;
    try {
      const { profile, linkUserId } = await externalLogin.finish(request.params.provider, query, cookieState);
      linking = linkUserId !== undefined;
      // A new account counts against the address's sign-ups, as one made with a password does.
      if (!linking && (await wouldRegister(ctx.db, profile))) await countSignUp(signUps, request.ip);
      const account = await signInExternally({ write: ctx.write, mail }, profile, linkUserId);
      if (linking) {
        return reply
          .code(303)
          .header('location', `/settings?linked=${encodeURIComponent(profile.provider)}`)
          .send();
      }
      const session = await startSession({ write: ctx.write, keys, config: ctx.config }, account);
      setSessionCookies(reply, settings, session);
      request.log.info(
        { provider: profile.provider, userId: account.id, created: account.created },
        'external sign-in',
      );
      return reply.code(303).header('location', '/').send();
    } catch (error) {
      return refused(reply, 303, error, linking);
    }
  };

async function countSignUp(signUps: { attempt(address: string): Promise<void> }, address: string) {
  try {
    await signUps.attempt(address);
  } catch (error) {
    if (error instanceof HttpProblem && error.status === 429) {
      throw new ExternalLoginFailure('too_many_sign_ups', 'the address made too many sign-ups');
    }
    throw error;
  }
}

/**
 * A refused flow ends on the page the person came from, with a code it explains; what
 * exactly failed goes to the log. Anything else is a fault, answered as one.
 */
function refused(reply: FastifyReply, status: 302 | 303, error: unknown, linking: boolean) {
  if (!(error instanceof ExternalLoginFailure)) throw error;
  reply.request.log.warn({ code: error.code, reason: error.reason }, 'external sign-in refused');
  const page = linking ? '/settings' : '/login';
  return reply.code(status).header('location', `${page}?error=${error.code}`).send();
}
