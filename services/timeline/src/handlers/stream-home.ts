import { streamHead, pollOnce } from '../read-models/home-stream.js';
import { timelineSettings } from '../settings.js';
import type { Handler } from './deps.js';

/** How often an open stream checks whether the server is shutting down. */
const SHUTDOWN_CHECK_MS = 100;

/**
 * Server-Sent Events for the caller's home timeline. The stream polls the buffer every
 * STREAM_POLL_MS (the database, so writes made by any process reach it), resuming after
 * `Last-Event-ID` when the client sends one, and sends a comment every
 * STREAM_HEARTBEAT_SECONDS so proxies keep the connection open. It ends when the client
 * goes, when the server closes (which would otherwise wait for it forever), and when the
 * caller's token expires or their session or account is ended.
 */
export const streamHome: Handler<'streamHome'> = (ctx) => {
  const { STREAM_HEARTBEAT_SECONDS, STREAM_POLL_MS } = timelineSettings(ctx.config.env);
  return async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const resume = request.headers['last-event-id'];
    let after =
      typeof resume === 'string' && /^\d{1,18}$/.test(resume.trim()) ? resume.trim() : await streamHead(ctx.db);

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id),
    });
    res.write(': connected\n\n');

    const server = request.server.server;
    const served = server.listening;
    const sent = new Set<string>();
    let open = true;
    let lastPoll = 0;
    let lastBeat = Date.now();
    let timer: NodeJS.Timeout | undefined;

    /**
     * Ends the stream. When the server is closing it ends the response and then drops the
     * connection, which would otherwise stay open (idle) and keep the close waiting; when
     * the client went it drops what is left of the connection.
     */
    const end = (shutdown: boolean) => {
      if (!open) return;
      open = false;
      clearTimeout(timer);
      const socket = res.socket;
      if (shutdown) res.end(() => socket?.destroy());
      else res.destroy();
    };
    res.on('close', () => end(false));

    const tick = async () => {
      if (!open) return;
      if (served && !server.listening) return end(true);
      // A logout, a password change elsewhere, a deleted account or the token's expiry ends the stream too.
      if (!ctx.auth.stillValid(caller)) return end(true);
      const now = Date.now();
      try {
        if (now - lastBeat >= STREAM_HEARTBEAT_SECONDS * 1000) {
          res.write(': heartbeat\n\n');
          lastBeat = now;
        }
        if (now - lastPoll >= STREAM_POLL_MS) {
          lastPoll = now;
          for (;;) {
            const polled = await pollOnce(ctx.db, caller.userId, after, res, sent);
            after = polled.after;
            if (!polled.full || !open) break;
          }
        }
      } catch (err) {
        request.log.warn({ err }, 'home stream poll failed; closing the stream');
        return end(false);
      }
      if (open) timer = setTimeout(tick, Math.min(SHUTDOWN_CHECK_MS, STREAM_POLL_MS));
    };
    void tick();
  };
};
