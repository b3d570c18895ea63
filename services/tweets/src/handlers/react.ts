import { problems, type ServiceContext } from '@starling/kit';
import type { FastifyRequest } from 'fastify';
import { setReaction, type Reaction } from '../commands/set-reaction.js';
import { presentTweet, type Tweet } from '../present.js';
import { findTweet } from '../read-models.js';

/**
 * Turns the caller's like or repost of the tweet in the path on or off, then answers
 * with the tweet as it now is (the write is projected by then).
 */
export async function react(
  ctx: ServiceContext,
  request: FastifyRequest<{ Params: { id: string } }>,
  reaction: Reaction,
  wanted: boolean,
): Promise<Tweet> {
  const caller = await ctx.auth.require(request);
  const { id } = request.params;
  await setReaction(ctx.write, reaction, caller, id, wanted, request.id);
  const row = await findTweet(ctx.db, id, caller.userId);
  if (!row) throw problems.notFound(`There is no tweet ${id}.`);
  return presentTweet(row);
}
