import type { Handler } from './deps.js';

/** The caller's preferences: every post is public, nothing hidden behind a warning. */
export const mastodonPreferences: Handler<'mastodonPreferences'> = (ctx) => async (request) => {
  await ctx.auth.require(request);
  return {
    'posting:default:visibility': 'public',
    'posting:default:sensitive': false,
    'posting:default:language': null,
    'reading:expand:media': 'default',
    'reading:expand:spoilers': false,
  };
};
