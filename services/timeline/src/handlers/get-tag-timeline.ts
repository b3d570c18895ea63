import { decodeCursor, pageLimit, paginate } from '@starling/kit';
import { tagKey } from '@starling/events';
import { tagTweetIds } from '../read-models/timelines.js';
import { pageCacheOf, sendPage } from '../read-models/page-cache.js';
import { tweetsNewestFirst, type Tweet } from '../read-models/tweets.js';
import type { Handler } from './deps.js';

/**
 * Tweets carrying a hashtag, newest first. The tag is matched by its `tagKey`; a leading
 * `#` (sent encoded as %23) is tolerated.
 */
export const getTagTimeline: Handler<'getTagTimeline'> = (ctx) => {
  const pages = pageCacheOf<Tweet[]>(ctx);
  return async (request, reply) => {
    const caller = await ctx.auth.optional(request);
    const limit = pageLimit(request.query);
    const key = tagKey(request.params.tag.replace(/^#/, ''));
    const before = decodeCursor(request.query.cursor);
    const cached = await pages.get(`tag ${key} ${caller?.userId ?? ''} ${before ?? ''} ${limit}`, () =>
      tweetsNewestFirst(ctx.db, tagTweetIds(key, before, limit + 1), caller?.userId),
    );
    const page = paginate(request, reply, cached.rows, limit, (t) => t.id);
    return sendPage(reply, cached, () => ({ tweets_list: page }));
  };
};
