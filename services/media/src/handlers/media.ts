import { ifMatch } from '@starling/kit';
import { describeMedia } from '../commands/describe-media.js';
import type { Handler } from './deps.js';
import { showMedia } from './show.js';

export const getMedia: Handler<'getMedia'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  return showMedia(ctx, request, reply, caller.userId, request.params.id);
};

export const updateMedia: Handler<'updateMedia'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  await describeMedia(ctx.write, caller, request.params.id, request.body.description, {
    expected: ifMatch(request),
    requestId: request.id,
  });
  return showMedia(ctx, request, reply, caller.userId, request.params.id);
};
