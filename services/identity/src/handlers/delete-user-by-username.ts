import { problems } from '@starling/kit';
import { deleteUser as deleteAccount } from '../commands/change-user.js';
import { mayChange } from '../domain/user.js';
import { findUserByUsername } from '../read-models.js';
import { changeRequest, type Handler } from './deps.js';

/** The book's `DELETE /api/v1/users` with `{"username": …}` in the body. */
export const deleteUserByUsername: Handler<'deleteUserByUsername'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const row = await findUserByUsername(ctx.db, request.body.username);
    // Say 403 before 404, so strangers cannot probe which usernames exist.
    if (!row) {
      if (caller.role !== 'admin' && caller.username.toLowerCase() !== request.body.username.toLowerCase()) {
        throw problems.forbidden('Only the account owner or an admin may delete this account.');
      }
      throw problems.notFound(`There is no user named ${request.body.username}.`);
    }
    mayChange(caller, row.id);
    await deleteAccount(ctx.write, caller, row.id, changeRequest(request));
    return reply.code(204).send();
  };
