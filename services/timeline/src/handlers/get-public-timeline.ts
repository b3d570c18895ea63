import { decodeCursor, pageLimit, paginate } from '@starling/kit';
import { publicTweetIds } from '../read-models/timelines.js';
import { tweetViews } from '../read-models/tweets.js';
import type { Handler } from './deps.js';

/** Every tweet, replies included, newest first, keyset-paged on the time-sortable id. */
export const getPublicTimeline: Handler<'getPublicTimeline'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.optional(request);
  const limit = pageLimit(request.query);
  const ids = await publicTweetIds(ctx.db, decodeCursor(request.query.cursor), limit + 1);
  const page = paginate(request, reply, ids, limit, (id) => id);
  return { tweets_list: await tweetViews(ctx.db, page, caller?.userId) };
};
