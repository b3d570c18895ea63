import { checkUnmodifiedSince, type ServiceContext } from '@starling/kit';
import type { FastifyRequest } from 'fastify';
import { findTweet } from '../read-models.js';

/** `If-Unmodified-Since` on a change to tweet `id`: 412 when the tweet has changed since. */
export async function checkTweetUnmodified(ctx: ServiceContext, request: FastifyRequest, id: string): Promise<void> {
  if (request.headers['if-unmodified-since'] === undefined) return;
  checkUnmodifiedSince(request, (await findTweet(ctx.db, id))?.last_modified);
}
