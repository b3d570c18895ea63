import { etagOf, httpDate, problems } from '@starling/kit';
import { presentUser } from '../presenters/user.js';
import { findUserViewByUsername } from '../read-models.js';
import type { Handler } from './deps.js';

/**
 * `GET /api/v1/users/lookup?username=…`: how a page at /u/{username} finds its person.
 * It never answers 304, so its ETag only serves `If-Match` on PUT and DELETE, which
 * compares the account's version alone: the bare version is all it needs to carry.
 */
export const lookupUser: Handler<'lookupUser'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.optional(request);
    const view = await findUserViewByUsername(ctx.db, request.query.username, caller?.userId);
    if (!view) throw problems.notFound(`There is no user named ${request.query.username}.`);
    reply.header('etag', etagOf(view.version)).header('vary', 'authorization, cookie');
    if (view.last_modified) reply.header('last-modified', httpDate(view.last_modified));
    return presentUser(view, caller);
  };
