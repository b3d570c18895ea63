import type { Handler } from '../handlers/deps.js';
import { notifySettings } from '../settings.js';
import { presentNotification } from './presenter.js';
import { streamHead, visibleNotifications } from './read-model.js';

/** How often an open stream checks whether the server is shutting down. */
const SHUTDOWN_CHECK_MS = 100;
/** How many notifications one poll reads at most; a full batch is followed by another at once. */
const BATCH = 200;

/**
 * Server-Sent Events of the caller's new notifications, modelled on the home stream
 * (services/timeline): it polls the notification feed every STREAM_POLL_MS (so
 * notifications projected by any process reach it), each event carrying its `seq` as
 * `id:`, resumes after `Last-Event-ID`, sends a heartbeat comment every
 * STREAM_HEARTBEAT_SECONDS, and ends when the client goes, when the server closes, and
 * when the caller's token expires or their session or account is ended.
 */
export const streamNotifications: Handler<'streamNotifications'> = (ctx) => {
  const { STREAM_HEARTBEAT_SECONDS, STREAM_POLL_MS } = notifySettings(ctx.config.env);
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
    let open = true;
    let lastPoll = 0;
    let lastBeat = Date.now();
    let timer: NodeJS.Timeout | undefined;

    // On shutdown the response ends and the idle connection is dropped, which would
    // otherwise keep the server's close waiting; when the client went, what is left goes.
    const end = (shutdown: boolean) => {
      if (!open) return;
      open = false;
      clearTimeout(timer);
      const socket = res.socket;
      if (shutdown) res.end(() => socket?.destroy());
      else res.destroy();
    };
    res.on('close', () => end(false));

    const poll = async () => {
      for (;;) {
        const rows = await visibleNotifications(ctx.db, caller.userId, { afterSeq: after }, 'seq', BATCH);
        for (const row of rows) {
          if (!open) return;
          res.write(`event: notification\nid: ${row.seq}\ndata: ${JSON.stringify(presentNotification(row))}\n\n`);
          after = row.seq;
        }
        if (rows.length < BATCH || !open) return;
      }
    };

    const tick = async () => {
      if (!open) return;
      if (served && !server.listening) return end(true);
      if (!ctx.auth.stillValid(caller)) return end(true);
      const now = Date.now();
      try {
        if (now - lastBeat >= STREAM_HEARTBEAT_SECONDS * 1000) {
          res.write(': heartbeat\n\n');
          lastBeat = now;
        }
        if (now - lastPoll >= STREAM_POLL_MS) {
          lastPoll = now;
          await poll();
        }
      } catch (err) {
        request.log.warn({ err }, 'notification stream poll failed; closing the stream');
        return end(false);
      }
      if (open) timer = setTimeout(tick, Math.min(SHUTDOWN_CHECK_MS, STREAM_POLL_MS));
    };
    void tick();
  };
};
