import { decodeCursor, pageLimit, paginate } from '@starling/kit';
import { homeEntries, presentEntries } from '../read-models/timelines.js';
import type { Handler } from './deps.js';
import { homeLimits } from './limits.js';

/** The caller's home timeline, keyset-paged on the entry key (tweet or repost id). */
export const getHomeTimeline: Handler<'getHomeTimeline'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  const limit = pageLimit(request.query);
  const before = decodeCursor(request.query.cursor);
  const entries = await homeEntries(ctx.db, caller.userId, before, limit + 1, homeLimits(ctx));
  const page = paginate(request, reply, entries, limit, (e) => e.entry_key);
  return { tweets_list: await presentEntries(ctx.db, page, caller.userId) };
};
