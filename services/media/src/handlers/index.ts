import { routeHandlers, type ServiceContext } from '@starling/kit';
import type { RouteHandlerMethod } from 'fastify';
import type { MediaSettings } from '../settings.js';
import { getMedia, updateMedia } from './media.js';
import { completeMediaUpload, startMediaUpload } from './presigned-upload.js';
import { uploadMedia } from './upload-media.js';

/** One handler per operationId in openapi.yaml. */
export function mediaHandlers(ctx: ServiceContext, settings: MediaSettings): Record<string, RouteHandlerMethod> {
  const handlers = { uploadMedia, startMediaUpload, completeMediaUpload, getMedia, updateMedia };
  return routeHandlers(handlers, ctx, settings);
}
