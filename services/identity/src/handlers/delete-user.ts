import { deleteUser as deleteAccount } from '../commands/change-user.js';
import { changeRequest, type Handler } from './deps.js';
import { checkUserUnmodified } from './unmodified-since.js';

export const deleteUser: Handler<'deleteUser'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    await checkUserUnmodified(ctx, request, request.params.id);
    await deleteAccount(ctx.write, caller, request.params.id, changeRequest(request));
    return reply.code(204).send();
  };
