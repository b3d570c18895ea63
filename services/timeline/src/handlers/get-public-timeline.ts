import { decodeCursor, pageLimit, paginate } from '@starling/kit';
import { publicTweetIds } from '../read-models/timelines.js';
import { tweetsNewestFirst } from '../read-models/tweets.js';
import type { Handler } from './deps.js';

/** Every tweet, replies included, newest first, keyset-paged on the time-sortable id. */
export const getPublicTimeline: Handler<'getPublicTimeline'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.optional(request);
  const limit = pageLimit(request.query);
  const tweets = await tweetsNewestFirst(
    ctx.db,
    publicTweetIds(decodeCursor(request.query.cursor), limit + 1),
    caller?.userId,
  );
  const page = paginate(request, reply, tweets, limit, (t) => t.id);
  return { tweets_list: page };
};
