import { changeUser } from '../commands/change-user.js';
import { userEtag } from '../presenters/user-etag.js';
import { presentUser } from '../presenters/user.js';
import { viewOf } from '../read-models.js';
import { changeRequest, type Handler } from './deps.js';
import { checkUserUnmodified } from './unmodified-since.js';

export const updateUser: Handler<'updateUser'> =
  ({ ctx, mail }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    await checkUserUnmodified(ctx, request, request.params.id);
    const row = await changeUser(
      { write: ctx.write, db: ctx.db, mail },
      caller,
      request.params.id,
      request.body,
      changeRequest(request),
    );
    const view = await viewOf(ctx.db, row, caller.userId);
    reply.header('etag', userEtag(view));
    return presentUser(view, caller);
  };
