import { etagOf } from '@starling/kit';
import { changeUser } from '../commands/change-user.js';
import { presentUser } from '../present.js';
import { findUser } from '../read-models.js';
import type { Handler } from './deps.js';

export const updateUser: Handler<'updateUser'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    await changeUser(ctx.write, request, caller, request.params.id, request.body);
    const row = await findUser(ctx.db, request.params.id);
    if (!row) throw new Error(`user ${request.params.id} was updated but is not in the read model`);
    reply.header('etag', etagOf(row.version));
    return presentUser(row, caller);
  };
