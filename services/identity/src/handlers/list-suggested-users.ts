import { pageLimit } from '@starling/kit';
import { presentUser } from '../presenters/user.js';
import { suggestUsers } from '../read-models.js';
import type { Handler } from './deps.js';

/** "Who to follow": one ranked page, not paged (the ranking moves as people follow). */
export const listSuggestedUsers: Handler<'listSuggestedUsers'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const rows = await suggestUsers(ctx.db, caller.userId, pageLimit(request.query));
    reply.header('cache-control', 'private, no-cache');
    return { user_list: rows.map((row) => presentUser(row, caller)) };
  };
