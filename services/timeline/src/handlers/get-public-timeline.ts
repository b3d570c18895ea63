import { decodeCursor, pageLimit, paginate } from '@starling/kit';
import { publicTweetIds } from '../read-models/timelines.js';
import { pageCacheOf, sendPage } from '../read-models/page-cache.js';
import { tweetsNewestFirst, type Tweet } from '../read-models/tweets.js';
import type { Handler } from './deps.js';

/** Every tweet, replies included, newest first, keyset-paged on the time-sortable id. */
export const getPublicTimeline: Handler<'getPublicTimeline'> = (ctx) => {
  const pages = pageCacheOf<Tweet[]>(ctx);
  return async (request, reply) => {
    const caller = await ctx.auth.optional(request);
    const limit = pageLimit(request.query);
    const before = decodeCursor(request.query.cursor);
    const cached = await pages.get(`public ${caller?.userId ?? ''} ${before ?? ''} ${limit}`, () =>
      tweetsNewestFirst(ctx.db, publicTweetIds(before, limit + 1), caller?.userId),
    );
    const page = paginate(request, reply, cached.rows, limit, (t) => t.id);
    return sendPage(reply, cached, () => ({ tweets_list: page }));
  };
};
