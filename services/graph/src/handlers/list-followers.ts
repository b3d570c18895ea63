import { decodeCursor, pageLimit, paginate, problems } from '@starling/kit';
import { presentFollow } from '../presenters/follow.js';
import { followKey, isKnownUser, listFollows } from '../read-models.js';
import type { Handler } from './deps.js';

export const listFollowers: Handler<'listFollowers'> = (ctx) => async (request, reply) => {
  const limit = pageLimit(request.query);
  const after = decodeCursor(request.query.cursor);
  if (!(await isKnownUser(ctx.db, request.params.id)))
    throw problems.notFound(`There is no user ${request.params.id}.`);
  const rows = await listFollows(ctx.db, 'followers', request.params.id, after, limit + 1);
  return { user_list: paginate(request, reply, rows, limit, followKey).map(presentFollow) };
};
