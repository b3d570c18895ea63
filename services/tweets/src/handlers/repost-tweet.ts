import { reposting } from '../commands/reposting.js';
import type { Handler } from './deps.js';
import { react } from './react.js';

export const repostTweet: Handler<'repostTweet'> = (ctx) => async (request) => react(ctx, request, reposting, true);

export const unrepostTweet: Handler<'unrepostTweet'> = (ctx) => async (request) =>
  react(ctx, request, reposting, false);
