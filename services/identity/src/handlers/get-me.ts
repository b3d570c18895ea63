import { httpDate, problems } from '@starling/kit';
import { userEtag } from '../presenters/user-etag.js';
import { presentUser } from '../presenters/user.js';
import { findUserView } from '../read-models.js';
import type { Handler } from './deps.js';

export const getMe: Handler<'getMe'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const view = await findUserView(ctx.db, caller.userId, caller.userId);
    if (!view) throw problems.unauthorized('This account no longer exists.');
    reply.header('etag', userEtag(view)).header('cache-control', 'private, no-cache');
    if (view.last_modified) reply.header('last-modified', httpDate(view.last_modified));
    return presentUser(view, caller);
  };
