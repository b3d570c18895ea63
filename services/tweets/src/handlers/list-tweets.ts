import { decodeCursor, pageLimit, paginate } from '@starling/kit';
import { presentTweet } from '../present.js';
import { listTweets as listTweetRows } from '../read-models.js';
import type { Handler } from './deps.js';

export const listTweets: Handler<'listTweets'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.optional(request);
  const limit = pageLimit(request.query);
  const rows = await listTweetRows(
    ctx.db,
    { authorUsername: request.query.tweetedby, before: decodeCursor(request.query.cursor) },
    limit + 1,
    caller?.userId,
  );
  return { tweets_list: paginate(request, reply, rows, limit, (row) => row.id).map(presentTweet) };
};
