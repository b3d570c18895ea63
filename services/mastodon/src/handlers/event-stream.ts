import { serveEventStream, type EventStream, type ServiceContext } from '@starling/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Send, StreamName } from '../infra/live-connection.js';
import type { MastodonDeps } from './deps.js';
import { openConnection } from './streaming-access.js';

/** A comment this often keeps proxies from closing a quiet stream. */
const HEARTBEAT_SECONDS = 15;
/** Events are written as they come (a wake-up); this is only how often the queue is looked at unwoken. */
const FLUSH_MS = 30_000;

/**
 * One of Mastodon's Server-Sent Event streams: `event: update` and `data:` the Status
 * JSON, and so on. The subscription is in place before the answer's headers are sent;
 * the kit's event stream writes what the connection queued, and ends the stream when
 * the client goes or the token stops being valid.
 */
export async function serveMastodonStream(
  ctx: ServiceContext,
  { hub }: MastodonDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  stream: StreamName,
  tag?: string,
): Promise<void> {
  const queued: string[] = [];
  // Until the stream is served, what comes waits in the queue.
  let served: EventStream | undefined = undefined;
  const send: Send = (_stream, event, payload) => {
    queued.push(`event: ${event}\ndata: ${payload}\n\n`);
    served?.wake();
  };
  const { caller, connection } = await openConnection(ctx, request, send, hub);
  await connection.subscribe(stream, tag);
  const leave = hub.add(connection);
  reply.raw.on('close', leave);
  served = serveEventStream(request, reply, {
    heartbeatSeconds: HEARTBEAT_SECONDS,
    pollMs: FLUSH_MS,
    stillValid: () => ctx.auth.stillValid(caller),
    async poll(write) {
      for (const chunk of queued.splice(0)) write(chunk);
    },
  });
  if (queued.length > 0) served.wake();
}
