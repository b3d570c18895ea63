import { serveEventStream } from '@starling/kit';
import type { Handler } from '../handlers/deps.js';
import { notifySettings } from '../settings.js';
import { presentNotification } from './presenter.js';
import { streamHead, visibleNotifications } from './read-model.js';
import { NotificationStreams } from './streams.js';

/** How many notifications one poll reads at most; a full batch is followed by another at once. */
const BATCH = 200;
/**
 * How often each stream also reads its feed unwoken: a safety net, spread over the period
 * by the kit so streams do not poll together.
 */
const OWN_POLL_MS = 30_000;

/**
 * Server-Sent Events of the caller's new notifications, each event carrying its `seq` as
 * `id:`, resuming after `Last-Event-ID`. A stream reads its feed when the process's one
 * wake-up read (NotificationStreams, every STREAM_POLL_MS) finds something new for its
 * caller, so notifications projected by any process reach it; heartbeats and the
 * stream's end are the kit's (serveEventStream).
 */
export const streamNotifications: Handler<'streamNotifications'> = (ctx) => {
  const { STREAM_HEARTBEAT_SECONDS, STREAM_POLL_MS } = notifySettings(ctx.config.env);
  const streams = new NotificationStreams(ctx.db, STREAM_POLL_MS, ctx.log);
  return async (request, reply) => {
    const caller = await ctx.auth.require(request);
    const header = request.headers['last-event-id'];
    const resume = typeof header === 'string' && /^\d{1,18}$/.test(header.trim()) ? header.trim() : undefined;
    let after = resume ?? (await streamHead(ctx.db));

    const stream = serveEventStream(request, reply, {
      heartbeatSeconds: STREAM_HEARTBEAT_SECONDS,
      pollMs: Math.max(OWN_POLL_MS, STREAM_POLL_MS),
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
    reply.raw.on('close', streams.add(caller.userId, stream, after));
    if (resume !== undefined) stream.wake();
  };
};
