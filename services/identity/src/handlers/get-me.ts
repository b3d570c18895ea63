import { etagOf, problems } from '@starling/kit';
import { presentUser } from '../present.js';
import { findUser } from '../read-models.js';
import type { Handler } from './deps.js';

export const getMe: Handler<'getMe'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const row = await findUser(ctx.db, caller.userId);
    if (!row) throw problems.unauthorized('This account no longer exists.');
    reply.header('etag', etagOf(row.version)).header('cache-control', 'private, no-cache');
    return presentUser(row, caller);
  };
