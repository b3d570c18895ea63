import { confirmEmail as confirmAddress, resendConfirmation } from '../commands/email-confirmation.js';
import type { Handler } from './deps.js';

export const requestEmailConfirmation: Handler<'requestEmailConfirmation'> =
  ({ ctx, mail }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    await resendConfirmation({ db: ctx.db, write: ctx.write, mail }, caller);
    return reply.code(202).send();
  };

export const confirmEmail: Handler<'confirmEmail'> =
  ({ ctx }) =>
  async (request, reply) => {
    await confirmAddress(ctx, request.body.token);
    return reply.code(204).send();
  };
