import { liking } from '../commands/liking.js';
import type { Handler } from './deps.js';
import { react } from './react.js';

export const likeTweet: Handler<'likeTweet'> = (ctx) => async (request) => react(ctx, request, liking, true);

export const unlikeTweet: Handler<'unlikeTweet'> = (ctx) => async (request) => react(ctx, request, liking, false);
