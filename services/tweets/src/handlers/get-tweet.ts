import { notModified, problems } from '@starling/kit';
import { presentTweet, tweetShown } from '../present.js';
import { findTweet } from '../read-models.js';
import type { Handler } from './deps.js';

export const getTweet: Handler<'getTweet'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.optional(request);
  const row = await findTweet(ctx.db, request.params.id, caller?.userId);
  if (!row) throw problems.notFound(`There is no tweet ${request.params.id}.`);
  const tweet = presentTweet(row);
  reply.header('vary', 'authorization, cookie');
  if (notModified(request, reply, row.version, tweetShown(tweet), row.last_modified)) return reply;
  return tweet;
};
