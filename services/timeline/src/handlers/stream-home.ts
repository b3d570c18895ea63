import { serveEventStream } from '@starling/kit';
import { pollOnce } from '../read-models/home-stream.js';
import { advanced, HomeStreams, type HomeListener } from '../read-models/home-streams.js';
import { timelineSettings } from '../settings.js';
import type { Handler } from './deps.js';

/**
 * How often each stream also reads the buffer for itself, whatever the shared read gave
 * it: a safety net, spread over the period by the kit so streams do not poll together.
 */
const OWN_POLL_MS = 30_000;

/**
 * Server-Sent Events for the caller's home timeline. The process's streams are fed
 * together by one read of the buffer every STREAM_POLL_MS (HomeStreams: the database, so
 * writes made by any process reach them); a stream resuming after `Last-Event-ID` first
 * catches up with its own poll. Heartbeats and the stream's end (the client going, the
 * server closing, the caller's token expiring or their session or account ending) are
 * the kit's (serveEventStream).
 */
export const streamHome: Handler<'streamHome'> = (ctx) => {
  const { STREAM_HEARTBEAT_SECONDS, STREAM_POLL_MS } = timelineSettings(ctx.config.env);
  const streams = new HomeStreams(ctx.db, STREAM_POLL_MS, ctx.log);
  return async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const header = request.headers['last-event-id'];
    const resume = typeof header === 'string' && /^\d{1,18}$/.test(header.trim()) ? header.trim() : undefined;
    const after = resume ?? (await streams.head());

    const listener: HomeListener = { viewerId: caller.userId, after, sent: new Set(), stream: undefined! };
    listener.stream = serveEventStream(request, reply, {
      heartbeatSeconds: STREAM_HEARTBEAT_SECONDS,
      pollMs: Math.max(OWN_POLL_MS, STREAM_POLL_MS),
      stillValid: () => ctx.auth.stillValid(caller),
      async poll(write, open) {
        for (;;) {
          const polled = await pollOnce(ctx.db, caller.userId, listener.after, { write }, listener.sent);
          listener.after = advanced(listener.after, polled.after);
          if (!polled.full || !open()) return;
        }
      },
    });
    const leave = streams.add(listener);
    reply.raw.on('close', leave);
    if (resume !== undefined) listener.stream.wake();
  };
};
