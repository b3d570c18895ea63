import { serveEventStream } from '@starling/kit';
import { streamHead, pollOnce } from '../read-models/home-stream.js';
import { timelineSettings } from '../settings.js';
import type { Handler } from './deps.js';

/**
 * Server-Sent Events for the caller's home timeline. The stream polls the buffer every
 * STREAM_POLL_MS (the database, so writes made by any process reach it), resuming after
 * `Last-Event-ID` when the client sends one; heartbeats every STREAM_HEARTBEAT_SECONDS
 * and the stream's end (the client going, the server closing, the caller's token
 * expiring or their session or account ending) are the kit's (serveEventStream).
 */
export const streamHome: Handler<'streamHome'> = (ctx) => {
  const { STREAM_HEARTBEAT_SECONDS, STREAM_POLL_MS } = timelineSettings(ctx.config.env);
  return async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const resume = request.headers['last-event-id'];
    let after =
      typeof resume === 'string' && /^\d{1,18}$/.test(resume.trim()) ? resume.trim() : await streamHead(ctx.db);
    const sent = new Set<string>();

    serveEventStream(request, reply, {
      heartbeatSeconds: STREAM_HEARTBEAT_SECONDS,
      pollMs: STREAM_POLL_MS,
      stillValid: () => ctx.auth.stillValid(caller),
      async poll(write, open) {
        for (;;) {
          const polled = await pollOnce(ctx.db, caller.userId, after, { write }, sent);
          after = polled.after;
          if (!polled.full || !open()) return;
        }
      },
    });
  };
};
