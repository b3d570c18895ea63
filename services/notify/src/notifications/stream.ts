import { serveEventStream } from '@starling/kit';
import type { Handler } from '../handlers/deps.js';
import { notifySettings } from '../settings.js';
import { presentNotification } from './presenter.js';
import { streamHead, visibleNotifications } from './read-model.js';

/** How many notifications one poll reads at most; a full batch is followed by another at once. */
const BATCH = 200;

/**
 * Server-Sent Events of the caller's new notifications: every STREAM_POLL_MS the
 * notification feed is read (so notifications projected by any process reach it), each
 * event carrying its `seq` as `id:`, resuming after `Last-Event-ID`; heartbeats and the
 * stream's end are the kit's (serveEventStream).
 */
export const streamNotifications: Handler<'streamNotifications'> = (ctx) => {
  const { STREAM_HEARTBEAT_SECONDS, STREAM_POLL_MS } = notifySettings(ctx.config.env);
  return async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const resume = request.headers['last-event-id'];
    let after =
      typeof resume === 'string' && /^\d{1,18}$/.test(resume.trim()) ? resume.trim() : await streamHead(ctx.db);

    serveEventStream(request, reply, {
      heartbeatSeconds: STREAM_HEARTBEAT_SECONDS,
      pollMs: STREAM_POLL_MS,
      stillValid: () => ctx.auth.stillValid(caller),
      async poll(write, open) {
        for (;;) {
          const rows = await visibleNotifications(ctx.db, caller.userId, { afterSeq: after }, 'seq', BATCH);
          for (const row of rows) {
            if (!open()) return;
            write(`event: notification\nid: ${row.seq}\ndata: ${JSON.stringify(presentNotification(row))}\n\n`);
            after = row.seq;
          }
          if (rows.length < BATCH || !open()) return;
        }
      },
    });
  };
};
