import { decodeCursor, pageLimit, paginate } from '@starling/kit';
import { presentUser } from '../presenters/user.js';
import { listUsers as listUserViews } from '../read-models.js';
import type { Handler } from './deps.js';

export const listUsers: Handler<'listUsers'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.optional(request);
    const limit = pageLimit(request.query);
    const rows = await listUserViews(ctx.db, decodeCursor(request.query.cursor), limit + 1, caller?.userId);
    const page = paginate(request, reply, rows, limit, (row) => row.id);
    return { user_list: page.map((row) => presentUser(row, caller)) };
  };
