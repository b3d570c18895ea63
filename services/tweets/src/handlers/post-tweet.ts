import { etagOf } from '@starling/kit';
import { postTweet as post } from '../commands/post-tweet.js';
import { checkAttachable } from '../media/attachable.js';
import { presentTweet, tweetShown } from '../present.js';
import { authorName, findTweet } from '../read-models.js';
import type { Handler } from './deps.js';

export const postTweet: Handler<'postTweet'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  // A bus between processes may bring a moment-old upload here a little later.
  const waitMs = ctx.bus.settlesOnMark ? ctx.config.CONSISTENCY_WAIT_MS : 0;
  const attachable = (ids: readonly string[]) => checkAttachable(ctx.db, caller, ids, waitMs);
  const row = await post(ctx.write, attachable, caller, request.body, request.id);
  // The write is projected by now; the event itself answers if the tweet is already gone again.
  const projected = await findTweet(ctx.db, row.id, caller.userId);
  const tweet = presentTweet(
    projected ?? {
      ...row,
      author_name: (await authorName(ctx.db, row.author_id)) ?? row.author_username,
      like_count: 0,
      repost_count: 0,
      reply_count: 0,
      liked: false,
      reposted: false,
    },
  );
  reply
    .code(201)
    .header('location', `/api/v2/tweets/${row.id}`)
    .header('etag', etagOf(row.version, tweetShown(tweet)));
  return tweet;
};
