import { etagOf, problems } from '@starling/kit';
import { presentUser } from '../present.js';
import { findUserByUsername } from '../read-models.js';
import type { Handler } from './deps.js';

/** `GET /api/v1/users/lookup?username=…`: how a page at /u/{username} finds its person. */
export const lookupUser: Handler<'lookupUser'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.optional(request);
    const row = await findUserByUsername(ctx.db, request.query.username);
    if (!row) throw problems.notFound(`There is no user named ${request.query.username}.`);
    reply.header('etag', etagOf(row.version)).header('vary', 'authorization, cookie');
    return presentUser(row, caller);
  };
