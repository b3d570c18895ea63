import { checkUnmodifiedSince, type ServiceContext } from '@starling/kit';
import type { FastifyRequest } from 'fastify';
import { findUserView } from '../read-models.js';

/** `If-Unmodified-Since` on a change to user `id`: 412 when the account has changed since. */
export async function checkUserUnmodified(ctx: ServiceContext, request: FastifyRequest, id: string): Promise<void> {
  if (request.headers['if-unmodified-since'] === undefined) return;
  checkUnmodifiedSince(request, (await findUserView(ctx.db, id, undefined))?.last_modified);
}
