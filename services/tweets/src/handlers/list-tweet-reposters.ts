import { decodeCursor, pageLimit, paginate, problems } from '@starling/kit';
import { presentReposter } from '../present.js';
import { listReposters, reposterKey, tweetExists } from '../read-models.js';
import type { Handler } from './deps.js';

export const listTweetReposters: Handler<'listTweetReposters'> = (ctx) => async (request, reply) => {
  const limit = pageLimit(request.query);
  const after = decodeCursor(request.query.cursor);
  if (!(await tweetExists(ctx.db, request.params.id)))
    throw problems.notFound(`There is no tweet ${request.params.id}.`);
  const rows = await listReposters(ctx.db, request.params.id, after, limit + 1);
  return { user_list: paginate(request, reply, rows, limit, reposterKey).map(presentReposter) };
};
