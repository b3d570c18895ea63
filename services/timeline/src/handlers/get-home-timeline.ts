import { decodeCursor, pageLimit, paginate } from '@starling/kit';
import { homePage } from '../read-models/timelines.js';
import type { Handler } from './deps.js';
import { homeLimits } from './limits.js';

/** The caller's home timeline, keyset-paged on the entry key (tweet or repost id). */
export const getHomeTimeline: Handler<'getHomeTimeline'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  const limit = pageLimit(request.query);
  const before = decodeCursor(request.query.cursor);
  const rows = await homePage(ctx.db, caller.userId, before, limit + 1, homeLimits(ctx));
  // Paged on the entries, so an entry whose tweet went meanwhile still moves the cursor.
  const page = paginate(request, reply, rows, limit, (r) => r.entry.entry_key);
  return { tweets_list: page.flatMap((r) => r.tweet ?? []) };
};
