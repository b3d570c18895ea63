import { ifMatch } from '@starling/kit';
import { deleteTweet as remove } from '../commands/delete-tweet.js';
import type { Handler } from './deps.js';
import { checkTweetUnmodified } from './unmodified-since.js';

export const deleteTweet: Handler<'deleteTweet'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  await checkTweetUnmodified(ctx, request, request.params.id);
  await remove(ctx.write, caller, request.params.id, {
    expected: ifMatch(request),
    requestId: request.id,
  });
  return reply.code(204).send();
};
