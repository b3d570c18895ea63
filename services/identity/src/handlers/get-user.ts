import { notModified, problems } from '@starling/kit';
import { presentUser } from '../present.js';
import { findUser } from '../read-models.js';
import type { Handler } from './deps.js';

export const getUser: Handler<'getUser'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.optional(request);
    const row = await findUser(ctx.db, request.params.id);
    if (!row) throw problems.notFound(`There is no user ${request.params.id}.`);
    reply.header('vary', 'authorization, cookie');
    if (notModified(request, reply, row.version)) return reply;
    return presentUser(row, caller);
  };
