import { decodeCursor, pageLimit, paginate } from '@starling/kit';
import { pageCacheOf, sendPage } from '../read-models/page-cache.js';
import { homePage } from '../read-models/timelines.js';
import type { Handler } from './deps.js';
import { homeLimits } from './limits.js';

/** The caller's home timeline, keyset-paged on the entry key (tweet or repost id). */
export const getHomeTimeline: Handler<'getHomeTimeline'> = (ctx) => {
  const pages = pageCacheOf<Awaited<ReturnType<typeof homePage>>>(ctx);
  const limits = homeLimits(ctx);
  return async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const limit = pageLimit(request.query);
    const before = decodeCursor(request.query.cursor);
    const cached = await pages.get(`home ${caller.userId} ${before ?? ''} ${limit}`, () =>
      homePage(ctx.db, caller.userId, before, limit + 1, limits),
    );
    // Paged on the entries, so an entry whose tweet went meanwhile still moves the cursor.
    const page = paginate(request, reply, cached.rows, limit, (r) => r.entry.entry_key);
    return sendPage(reply, cached, () => ({ tweets_list: page.flatMap((r) => r.tweet ?? []) }));
  };
};
