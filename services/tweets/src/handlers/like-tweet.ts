import { problems, type Caller, type ServiceContext } from '@starling/kit';
import { setLiked } from '../commands/set-liked.js';
import { presentTweet, type Tweet } from '../present.js';
import { findTweet } from '../read-models.js';
import type { Handler } from './deps.js';

/** Likes or unlikes, then answers with the tweet as it now is (the write is projected by then). */
async function answer(ctx: ServiceContext, caller: Caller, id: string, wanted: boolean, requestId: string) {
  await setLiked(ctx.write, caller, id, wanted, requestId);
  const row = await findTweet(ctx.db, id, caller.userId);
  if (!row) throw problems.notFound(`There is no tweet ${id}.`);
  return presentTweet(row) satisfies Tweet;
}

export const likeTweet: Handler<'likeTweet'> = (ctx) => async (request) =>
  answer(ctx, await ctx.auth.require(request), request.params.id, true, request.id);

export const unlikeTweet: Handler<'unlikeTweet'> = (ctx) => async (request) =>
  answer(ctx, await ctx.auth.require(request), request.params.id, false, request.id);
