import { etagOf } from '@starling/kit';
import { postTweet as post } from '../commands/post-tweet.js';
import { presentTweet } from '../present.js';
import { findTweet } from '../read-models.js';
import type { Handler } from './deps.js';

export const postTweet: Handler<'postTweet'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  const id = await post(ctx.write, caller, request.body, request.id);
  const row = await findTweet(ctx.db, id);
  if (!row) throw new Error(`tweet ${id} was posted but is not in the read model`);
  reply.code(201).header('location', `/api/v2/tweets/${id}`).header('etag', etagOf(row.version));
  return presentTweet(row);
};
