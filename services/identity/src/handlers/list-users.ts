import { decodeCursor, pageLimit, paginate, problems } from '@starling/kit';
import { presentUser } from '../presenters/user.js';
import { findUserViews, listUsers as listUserViews } from '../read-models.js';
import type { Handler } from './deps.js';

/**
 * `GET /api/v1/users`: every user a page at a time, or, with `id` and `username`, the
 * users asked for in one answer (a client showing a page of tweets' people).
 */
export const listUsers: Handler<'listUsers'> =
  ({ ctx }) =>
  async (request, reply) => {
    const caller = await ctx.auth.optional(request);
    const { id: ids = [], username: usernames = [], cursor } = request.query;
    if (ids.length > 0 || usernames.length > 0) {
      if (cursor !== undefined) {
        throw problems.validation([{ field: 'cursor', reason: 'does not apply to users asked for by id or username' }]);
      }
      const views = await findUserViews(ctx.db, ids, usernames, caller?.userId);
      return { user_list: views.map((view) => presentUser(view, caller)) };
    }
    const limit = pageLimit(request.query);
    const rows = await listUserViews(ctx.db, decodeCursor(cursor), limit + 1, caller?.userId);
    const page = paginate(request, reply, rows, limit, (row) => row.id);
    return { user_list: page.map((row) => presentUser(row, caller)) };
  };
