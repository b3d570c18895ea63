import { setFollowing } from '../commands/set-following.js';
import type { Handler } from './deps.js';

export const followUser: Handler<'followUser'> = (ctx) => async (request) => {
  const caller = await ctx.auth.require(request);
  return setFollowing(ctx.write, caller, request.params.id, true, request.id);
};
