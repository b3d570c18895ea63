import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';

/** Bodies up to this size are read whole before the answer is passed on: one write to the client, no stream. */
export const WHOLE_BODY_MAX = 64 * 1024;

/** An answer's headers as undici parsed them: lower-case names, repeated ones as arrays. */
export type AnswerHeaders = Record<string, string | string[] | undefined>;

/**
 * What a replica answered. A body of a known, small length (most API answers) arrives
 * whole, as a Buffer; any other (an event stream, a large file, one of unknown length)
 * as a stream that flows as the replica sends it.
 */
export interface UpstreamResponse {
  statusCode: number;
  headers: AnswerHeaders;
  body: Buffer | Readable;
}

/** A way to stop an exchange in flight: the client went away. */
export class Cancellation {
  cancelled = false;
  private stops: Array<() => void> | undefined;

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    const stops = this.stops;
    this.stops = undefined;
    for (const stop of stops ?? []) stop();
  }

  /** Runs `stop` on cancel (at once if cancelled already); the returned function forgets it. */
  onCancel(stop: () => void): () => void {
    if (this.cancelled) {
      stop();
      return () => {};
    }
    (this.stops ??= []).push(stop);
    return () => {
      const at = this.stops?.indexOf(stop) ?? -1;
      if (at >= 0) this.stops!.splice(at, 1);
    };
  }
}

/** The client went away before the answer was complete. */
export class Cancelled extends Error {
  override name = 'Cancelled';
  constructor() {
    super('The client went away.');
  }
}

/** A streamed body: undici pauses the replica's socket while the reader is behind. */
class StreamedBody extends Readable {
  constructor(private readonly exchange: Exchange) {
    super();
  }

  override _read(): void {
    this.exchange.controller?.resume();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    // A reader that stops before the end (an ended event stream, a client gone) ends the exchange.
    this.exchange.stop(err ?? new Cancelled());
    callback(err);
  }
}

/**
 * One request to one replica, as undici's dispatcher reports it. The answer's chunks
 * are handed on as they come, without the request API's body stream and abort signal:
 * for a small answer those cost more than its bytes.
 */
class Exchange implements Dispatcher.DispatchHandler {
  controller: Dispatcher.DispatchController | undefined;
  private finished = false;
  private whole: { statusCode: number; headers: AnswerHeaders; chunks: Buffer[] } | undefined;
  private stream: StreamedBody | undefined;
  private forget: (() => void) | undefined;

  constructor(
    private readonly resolve: (response: UpstreamResponse) => void,
    private readonly reject: (err: Error) => void,
    private readonly cancellation: Cancellation | undefined,
  ) {}

  stop(reason: Error): void {
    if (!this.finished) this.controller?.abort(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    this.forget = this.cancellation?.onCancel(() => this.stop(new Cancelled()));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: AnswerHeaders): void {
    if (statusCode < 200) return; // 1xx: the final answer follows
    const length = headers['content-length'];
    const type = headers['content-type'];
    if (
      length !== undefined &&
      Number(length) <= WHOLE_BODY_MAX &&
      !(typeof type === 'string' && type.startsWith('text/event-stream'))
    ) {
      this.whole = { statusCode, headers, chunks: [] };
      return;
    }
    const stream = (this.stream = new StreamedBody(this));
    stream.once('close', () => this.forget?.());
    this.resolve({ statusCode, headers, body: stream });
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.whole) this.whole.chunks.push(chunk);
    else if (this.stream && !this.stream.push(chunk)) controller.pause();
  }

  onResponseEnd(): void {
    this.finished = true;
    const whole = this.whole;
    if (whole) {
      this.forget?.();
      const { chunks } = whole;
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      this.resolve({ statusCode: whole.statusCode, headers: whole.headers, body });
    } else this.stream?.push(null);
  }

  onResponseError(_controller: Dispatcher.DispatchController, err: Error): void {
    this.finished = true;
    if (this.stream) {
      // Cut short because the client went away: nobody is left to tell.
      this.stream.destroy(err instanceof Cancelled ? undefined : err);
      return;
    }
    this.forget?.();
    this.reject(err);
  }
}

/**
 * Sends one request to one replica. Resolves once the headers (a streamed body) or the
 * whole body (a small one) are in; rejects when no answer came, or when `cancellation`
 * stopped it first.
 */
export function exchange(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  cancellation?: Cancellation,
): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    dispatcher.dispatch(options, new Exchange(resolve, reject, cancellation));
  });
}
