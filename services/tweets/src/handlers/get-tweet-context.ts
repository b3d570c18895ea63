import { problems } from '@starling/kit';
import { presentTweet } from '../present.js';
import { listAncestors, listDescendants, tweetExists } from '../read-models.js';
import type { Handler } from './deps.js';

/** The conversation around a tweet: what it replies to, up to the root, and every reply below it. */
export const getTweetContext: Handler<'getTweetContext'> = (ctx) => async (request) => {
  const caller = await ctx.auth.optional(request);
  const { id } = request.params;
  if (!(await tweetExists(ctx.db, id))) throw problems.notFound(`There is no tweet ${id}.`);
  const [ancestors, descendants] = await Promise.all([
    listAncestors(ctx.db, id, caller?.userId),
    listDescendants(ctx.db, id, caller?.userId),
  ]);
  return { ancestors: ancestors.map(presentTweet), descendants: descendants.map(presentTweet) };
};
