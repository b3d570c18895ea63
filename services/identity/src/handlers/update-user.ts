import { etagOf } from '@starling/kit';
import { changeUser } from '../commands/change-user.js';
import { presentUser } from '../present.js';
import type { Handler } from './deps.js';

export const updateUser: Handler<'updateUser'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const row = await changeUser(ctx.write, request, caller, request.params.id, request.body);
    reply.header('etag', etagOf(row.version));
    return presentUser(row, caller);
  };
