import type { FastifyReply, FastifyRequest } from 'fastify';

/** How often an open stream checks whether the server is shutting down. */
const SHUTDOWN_CHECK_MS = 100;

export interface EventStreamOptions {
  /** A `: heartbeat` comment this often, so proxies keep the connection open. */
  heartbeatSeconds: number;
  /** How often `poll` runs: it reads the database, so writes made by any process reach the stream. */
  pollMs: number;
  /** Whether the caller may still listen (a logout, a password change, an expired token end the stream). */
  stillValid(): boolean;
  /**
   * Writes the events that are new since the last poll (`write` takes whole SSE
   * events); `open()` turns false once the stream has ended, so a long poll can stop.
   */
  poll(write: (chunk: string) => void, open: () => boolean): Promise<void>;
}

/**
 * Serves Server-Sent Events on `reply` until the client goes, the server closes (which
 * would otherwise wait for the idle connection forever) or the caller's right to listen
 * ends. The streams of the timeline and notify services differ only in what `poll` reads.
 */
export function serveEventStream(request: FastifyRequest, reply: FastifyReply, options: EventStreamOptions): void {
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

  // On shutdown the response ends and then the connection is dropped; when the client
  // went, what is left of the connection goes.
  const end = (shutdown: boolean) => {
    if (!open) return;
    open = false;
    clearTimeout(timer);
    const socket = res.socket;
    if (shutdown) res.end(() => socket?.destroy());
    else res.destroy();
  };
  res.on('close', () => end(false));
  const write = (chunk: string) => {
    if (open) res.write(chunk);
  };

  const tick = async () => {
    if (!open) return;
    if (served && !server.listening) return end(true);
    if (!options.stillValid()) return end(true);
    const now = Date.now();
    try {
      if (now - lastBeat >= options.heartbeatSeconds * 1000) {
        res.write(': heartbeat\n\n');
        lastBeat = now;
      }
      if (now - lastPoll >= options.pollMs) {
        lastPoll = now;
        await options.poll(write, () => open);
      }
    } catch (err) {
      request.log.warn({ err }, 'event stream poll failed; closing the stream');
      return end(false);
    }
    if (open) timer = setTimeout(tick, Math.min(SHUTDOWN_CHECK_MS, options.pollMs));
  };
  void tick();
}
