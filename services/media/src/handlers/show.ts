import { etagOf, notModified, problems, type ServiceContext } from '@starling/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { presentMedia } from '../presenters/media.js';
import { findOwnMedia } from '../read-models/media.js';

/**
 * Answers with the caller's media `id` as it is now, with its ETag (the 200 of a GET
 * answers 304 when the client has it already). Another's media is a 404, as if absent.
 */
export async function showMedia(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  id: string,
  status: 200 | 202 = 200,
) {
  const row = await findOwnMedia(ctx.db, id, userId);
  if (!row) throw problems.notFound(`You have no media ${id}.`);
  const shown = presentMedia(row, ctx.objects);
  reply.header('vary', 'authorization, cookie').header('cache-control', 'private, no-cache');
  if (request.method === 'GET' && notModified(request, reply, row.version, [shown])) return reply;
  reply.code(status).header('etag', etagOf(row.version, [shown]));
  if (status === 202) reply.header('location', `/api/v2/media/${id}`);
  return shown;
}
