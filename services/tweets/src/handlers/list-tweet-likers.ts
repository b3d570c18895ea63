import { decodeCursor, pageLimit, paginate, problems } from '@starling/kit';
import { presentLiker } from '../present.js';
import { likerKey, listLikers, tweetExists } from '../read-models.js';
import type { Handler } from './deps.js';

export const listTweetLikers: Handler<'listTweetLikers'> = (ctx) => async (request, reply) => {
  const limit = pageLimit(request.query);
  const after = decodeCursor(request.query.cursor);
  if (!(await tweetExists(ctx.db, request.params.id)))
    throw problems.notFound(`There is no tweet ${request.params.id}.`);
  const rows = await listLikers(ctx.db, request.params.id, after, limit + 1);
  return { user_list: paginate(request, reply, rows, limit, likerKey).map(presentLiker) };
};
