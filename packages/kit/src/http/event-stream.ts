import type { Server } from 'node:http';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { everyShared } from './shared-timer.js';

/** How often the open streams are looked at: whether the server is closing, which polls are due. */
const TICK_MS = 100;
/** How often each stream checks that its caller may still listen. */
const CHECK_MS = 1_000;
/**
 * Polls running at once in this process. A poll reads the database: ten thousand streams
 * polling together would wait on the connection pool until they time out; in a queue
 * they each get their turn.
 */
const POLLS_AT_ONCE = 8;

export interface EventStreamOptions {
  /** A `: heartbeat` comment this often, so proxies keep the connection open. */
  heartbeatSeconds: number;
  /**
   * How often `poll` runs at least, even when nothing woke the stream: it reads the
   * database, so writes made by any process reach the stream. Each stream's first
   * poll comes at a random point of its first period, so streams opened together
   * do not poll together.
   */
  pollMs: number;
  /** Whether the caller may still listen (a logout, a password change, an expired token end the stream). */
  stillValid(): boolean;
  /**
   * Writes the events that are new since the last poll (`write` takes whole SSE
   * events); `open()` turns false once the stream has ended, so a long poll can stop.
   */
  poll(write: (chunk: string) => void, open: () => boolean): Promise<void>;
}

/** An open event stream, for whoever learns first that it has something new. */
export interface EventStream {
  /** Writes whole SSE events at once (nothing once the stream has ended). */
  write(chunk: string): void;
  /** Polls as soon as it can, rather than at its next safety poll. */
  wake(): void;
  readonly open: boolean;
}

interface OpenStream extends EventStream {
  open: boolean;
  server: Server;
  served: boolean;
  options: EventStreamOptions;
  log: FastifyBaseLogger;
  end(shutdown: boolean): void;
  lastBeat: number;
  nextCheck: number;
  nextPoll: number;
  woken: boolean;
  polling: boolean;
}

/**
 * The process's open streams, walked by one shared timer: the server's closing, due
 * heartbeats and polls every tick, the caller's validity every second (each stream at its
 * own point of it), for all of them at once; the polls run a few at a time.
 */
const streams = new Set<OpenStream>();
const pollQueue: OpenStream[] = [];
let polling = 0;
let stopTicking: (() => void) | undefined;
let pumpScheduled = false;

function tick(): void {
  const now = Date.now();
  const listening = new Map<Server, boolean>();
  for (const s of streams) {
    let up = listening.get(s.server);
    if (up === undefined) listening.set(s.server, (up = s.server.listening));
    if (s.served && !up) {
      s.end(true);
      continue;
    }
    if (now >= s.nextCheck) {
      s.nextCheck = now + CHECK_MS;
      if (!s.options.stillValid()) {
        s.end(true);
        continue;
      }
    }
    if (now - s.lastBeat >= s.options.heartbeatSeconds * 1000) {
      s.write(': heartbeat\n\n');
      s.lastBeat = now;
    }
    if (now >= s.nextPoll) s.wake();
  }
}

function schedulePump(): void {
  if (pumpScheduled) return;
  pumpScheduled = true;
  setImmediate(() => {
    pumpScheduled = false;
    pump();
  });
}

function pump(): void {
  while (polling < POLLS_AT_ONCE && pollQueue.length > 0) {
    const s = pollQueue.shift()!;
    if (!s.open) continue;
    polling++;
    s.woken = false;
    s.nextPoll = Date.now() + s.options.pollMs;
    s.options
      .poll(
        (chunk) => s.write(chunk),
        () => s.open,
      )
      .catch((err: unknown) => {
        s.log.warn({ err }, 'event stream poll failed; closing the stream');
        s.end(false);
      })
      .finally(() => {
        polling--;
        s.polling = false;
        // Woken while polling: what woke it may have come after the poll's read.
        if (s.woken && s.open) enqueue(s);
        pump();
      });
  }
}

function enqueue(s: OpenStream): void {
  s.polling = true;
  pollQueue.push(s);
  schedulePump();
}

/**
 * Serves Server-Sent Events on `reply` until the client goes, the server closes (which
 * would otherwise wait for the idle connection forever) or the caller's right to listen
 * ends. The streams of the timeline and notify services differ only in what `poll` reads
 * and in what wakes them.
 */
export function serveEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  options: EventStreamOptions,
): EventStream {
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
  const now = Date.now();
  const stream: OpenStream = {
    server,
    served: server.listening,
    options,
    log: request.log,
    open: true,
    lastBeat: now,
    nextCheck: now + Math.random() * CHECK_MS,
    nextPoll: now + Math.random() * options.pollMs,
    woken: false,
    polling: false,
    write(chunk) {
      if (this.open) res.write(chunk);
    },
    wake() {
      if (!this.open) return;
      this.woken = true;
      if (!this.polling) enqueue(this);
    },
    // On shutdown the response ends and then the connection is dropped; when the client
    // went, what is left of the connection goes.
    end(shutdown) {
      if (!this.open) return;
      this.open = false;
      streams.delete(this);
      if (streams.size === 0) {
        stopTicking?.();
        stopTicking = undefined;
      }
      const socket = res.socket;
      if (shutdown) res.end(() => socket?.destroy());
      else res.destroy();
    },
  };
  res.on('close', () => stream.end(false));
  streams.add(stream);
  stopTicking ??= everyShared(TICK_MS, tick);
  return stream;
}
