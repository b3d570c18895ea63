import { setFollowing } from '../commands/set-following.js';
import type { Handler } from './deps.js';

export const unfollowUser: Handler<'unfollowUser'> = (ctx) => async (request) => {
  const caller = await ctx.auth.require(request);
  return setFollowing(ctx.write, caller, request.params.id, false, request.id);
};
