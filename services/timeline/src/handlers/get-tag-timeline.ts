import { decodeCursor, pageLimit, paginate } from '@starling/kit';
import { tagKey } from '@starling/events';
import { tagTweetIds } from '../read-models/timelines.js';
import { tweetsNewestFirst } from '../read-models/tweets.js';
import type { Handler } from './deps.js';

/**
 * Tweets carrying a hashtag, newest first. The tag is matched by its `tagKey`; a leading
 * `#` (sent encoded as %23) is tolerated.
 */
export const getTagTimeline: Handler<'getTagTimeline'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.optional(request);
  const limit = pageLimit(request.query);
  const key = tagKey(request.params.tag.replace(/^#/, ''));
  const tweets = await tweetsNewestFirst(
    ctx.db,
    tagTweetIds(key, decodeCursor(request.query.cursor), limit + 1),
    caller?.userId,
  );
  const page = paginate(request, reply, tweets, limit, (t) => t.id);
  return { tweets_list: page };
};
