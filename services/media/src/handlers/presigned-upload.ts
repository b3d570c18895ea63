import { completeUpload, startUpload } from '../commands/presigned-upload.js';
import { depsOf } from '../commands/deps.js';
import type { Handler } from './deps.js';
import { showMedia } from './show.js';

export const startMediaUpload: Handler<'startMediaUpload'> = (ctx, settings) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  const form = await startUpload(depsOf(ctx, settings), caller, request.body, request.id);
  reply.code(201).header('cache-control', 'no-store');
  return form;
};

export const completeMediaUpload: Handler<'completeMediaUpload'> = (ctx, settings) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  await completeUpload(depsOf(ctx, settings), caller, request.params.id, request.id);
  return showMedia(ctx, request, reply, caller.userId, request.params.id, 202);
};
