import { notModified, problems } from '@starling/kit';
import { userShown } from '../presenters/user-etag.js';
import { presentUser } from '../presenters/user.js';
import { findUserView } from '../read-models.js';
import type { Handler } from './deps.js';

export const getUser: Handler<'getUser'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.optional(request);
    const view = await findUserView(ctx.db, request.params.id, caller?.userId);
    if (!view) throw problems.notFound(`There is no user ${request.params.id}.`);
    reply.header('vary', 'authorization, cookie');
    if (notModified(request, reply, view.version, userShown(view), view.last_modified)) return reply;
    return presentUser(view, caller);
  };
