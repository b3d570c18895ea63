import { requestPasswordReset as mailResetLink, resetPassword } from '../commands/password-reset.js';
import type { Handler } from './deps.js';

export const requestPasswordReset: Handler<'requestPasswordReset'> =
  ({ ctx, mail, passwordResets }) =>
  async (request, reply) => {
    await passwordResets.attempt(request.ip);
    await mailResetLink({ db: ctx.db, mail }, request.body.email);
    return reply.code(202).send();
  };

export const confirmPasswordReset: Handler<'confirmPasswordReset'> =
  ({ ctx }) =>
  async (request, reply) => {
    await resetPassword(ctx, request.body);
    return reply.code(204).send();
  };
