import { problems, type Caller, type ServiceContext } from '@starling/kit';
import { setReposted } from '../commands/set-reposted.js';
import { presentTweet, type Tweet } from '../present.js';
import { findTweet } from '../read-models.js';
import type { Handler } from './deps.js';

/** Reposts or unreposts, then answers with the tweet as it now is (the write is projected by then). */
async function answer(ctx: ServiceContext, caller: Caller, id: string, wanted: boolean, requestId: string) {
  await setReposted(ctx.write, caller, id, wanted, requestId);
  const row = await findTweet(ctx.db, id, caller.userId);
  if (!row) throw problems.notFound(`There is no tweet ${id}.`);
  return presentTweet(row) satisfies Tweet;
}

export const repostTweet: Handler<'repostTweet'> = (ctx) => async (request) =>
  answer(ctx, await ctx.auth.require(request), request.params.id, true, request.id);

export const unrepostTweet: Handler<'unrepostTweet'> = (ctx) => async (request) =>
  answer(ctx, await ctx.auth.require(request), request.params.id, false, request.id);
