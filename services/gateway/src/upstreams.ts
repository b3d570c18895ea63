import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import { Pool, type Dispatcher } from 'undici';
import { Cancellation, exchange, type UpstreamResponse } from './exchange.js';
import type { GatewayMetrics } from './metrics.js';

export { Cancellation, type UpstreamResponse } from './exchange.js';

/** Waits `ms`, or rejects as soon as the client goes away. */
function pause(ms: number, cancellation: Cancellation): Promise<void> {
  const controller = new AbortController();
  const forget = cancellation.onCancel(() => controller.abort());
  return sleep(ms, undefined, { signal: controller.signal }).finally(forget);
}

/** Lets go of an answer that will not be passed on (a 503 tried elsewhere). */
function discard(response: UpstreamResponse): void {
  if (!Buffer.isBuffer(response.body)) response.body.destroy();
}

/** A service behind the gateway, by the name the topology gives it. */
export type ServiceName = string;

/** A replica that refused or dropped a connection is skipped this long while another is up. */
const DOWN_FOR_MS = 5000;
/** Before trying the same replica again (a service with one replica, or all others down). */
const SAME_REPLICA_BACKOFF_MS = 100;
/** Opening a connection takes milliseconds on a healthy network; longer means the host is gone. */
const CONNECT_TIMEOUT_MS = 2000;
/** Time to the response's headers. The body has no timeout: an event stream is endless. */
const HEADERS_TIMEOUT_MS = 60_000;

/** Methods whose repetition has the same effect as one request: safe to send again. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Failures where no response arrived from the replica: it is not listening, not
 * reachable, or it dropped the connection before answering (stopping, crashed, a stale
 * keep-alive socket).
 */
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** Of those, the ones where the request never reached the replica: safe to send again, whatever the method. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const codeOf = (err: unknown): string | undefined => {
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown[] };
  if (typeof e?.code === 'string') return e.code;
  // Node's happy-eyeballs connect reports every address's failure in an AggregateError.
  if (Array.isArray(e?.errors)) return codeOf(e.errors[0]);
  return e?.cause ? codeOf(e.cause) : undefined;
};

export class Replica {
  readonly pool: Pool;
  downUntil = 0;

  constructor(readonly origin: string) {
    this.pool = new Pool(origin, {
      connect: { timeout: CONNECT_TIMEOUT_MS },
      headersTimeout: HEADERS_TIMEOUT_MS,
      bodyTimeout: 0,
    });
  }

  get down() {
    return this.downUntil > Date.now();
  }
}

export interface UpstreamRequest {
  method: string;
  /** Path and query string, exactly as the client sent them. */
  path: string;
  headers: Record<string, string | string[]>;
  body?: Buffer;
  /** Cancelled when the client goes away: the attempt in flight is abandoned, and no other made. */
  cancellation: Cancellation;
  log: FastifyBaseLogger;
}

/** Every attempt failed without a usable answer: the client gets a 502 (or 504). */
export class UpstreamFailure extends Error {
  override name = 'UpstreamFailure';
  constructor(
    readonly service: ServiceName,
    readonly timedOut: boolean,
  ) {
    super(timedOut ? `The ${service} service did not answer in time.` : `The ${service} service is unavailable.`);
  }
}

/**
 * One service's replicas. Requests go round-robin over the replicas not marked down;
 * a replica that fails at the connection level is marked down for a few seconds
 * (passive health: no probes, the traffic itself tells). See `send` for retries.
 */
export class Upstream {
  readonly replicas: Replica[];
  private cursor = 0;

  constructor(
    readonly service: ServiceName,
    origins: string[],
    private readonly metrics: GatewayMetrics,
  ) {
    this.replicas = origins.map((origin) => new Replica(origin));
  }

  /**
   * Sends a request, retrying where that cannot do harm:
   * - a connection-level failure of an idempotent request is retried on the next
   *   replica, up to one attempt per replica and at least two (the second on the same
   *   replica after a short pause, when it is the only one);
   * - a 503 to an idempotent request (a replica starting up or shutting down says so)
   *   is retried on another replica, never the same one; when none is left the last
   *   503 is the answer, as the service gave it (its Retry-After included);
   * - POST and PATCH are sent again only when the connection was refused or never
   *   opened (the replica never saw them); otherwise they may have taken effect.
   * A small answer is read whole before it is passed on (exchange.ts), so one cut off
   * by a dying replica is a connection failure like the above, never a short answer.
   * Other answers, 502 and 504 included, are passed on as they are.
   */
  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const retryable = IDEMPOTENT.has(request.method);
    const attempts = Math.max(2, this.replicas.length);
    const tried = new Set<Replica>();
    for (let attempt = 1; ; attempt++) {
      const replica = this.pick(tried);
      if (tried.has(replica)) await pause(SAME_REPLICA_BACKOFF_MS, request.cancellation);
      tried.add(replica);
      const last = attempt >= attempts;
      try {
        const response = await exchange(
          replica.pool,
          {
            method: request.method as Dispatcher.HttpMethod,
            path: request.path,
            headers: request.headers,
            body: request.body ?? null,
          },
          request.cancellation,
        );
        const anotherReplica = this.replicas.some((r) => !tried.has(r));
        if (response.statusCode === 503 && retryable && !last && anotherReplica) {
          this.count('unavailable');
          request.log.warn(
            { service: this.service, replica: replica.origin, attempt },
            'upstream answered 503; trying another replica',
          );
          discard(response);
          this.metrics.retries.inc({ service: this.service });
          continue;
        }
        this.count(response.statusCode >= 500 ? 'server_error' : 'ok');
        return response;
      } catch (err) {
        if (request.cancellation.cancelled) {
          this.count('client_gone');
          throw err;
        }
        const code = codeOf(err);
        if (code === 'UND_ERR_HEADERS_TIMEOUT') {
          // It may still be working on it; sending it again would double the load.
          this.count('timeout');
          request.log.warn(
            { service: this.service, replica: replica.origin, attempt, reason: code },
            'upstream did not answer in time',
          );
          throw new UpstreamFailure(this.service, true);
        }
        if (!code || !CONNECTION_FAILURES.has(code)) throw err;
        this.count('connection_failed');
        replica.downUntil = Date.now() + DOWN_FOR_MS;
        const willRetry = (retryable || NEVER_SENT.has(code)) && !last;
        request.log.warn(
          { service: this.service, replica: replica.origin, attempt, reason: code, willRetry },
          'upstream connection failed',
        );
        if (!willRetry) throw new UpstreamFailure(this.service, false);
        this.metrics.retries.inc({ service: this.service });
      }
    }
  }

  /**
   * The next replica in turn that this request has not tried, preferring those not
   * marked down; once every replica has been tried, the next one in turn again.
   */
  private pick(tried: Set<Replica>): Replica {
    const n = this.replicas.length;
    let fallback: number | undefined;
    for (let i = 0; i < n; i++) {
      const index = (this.cursor + i) % n;
      const replica = this.replicas[index]!;
      if (tried.has(replica)) continue;
      if (!replica.down) return this.take(index);
      fallback ??= index;
    }
    return this.take(fallback ?? this.cursor % n);
  }

  /** The origin of the next replica in turn, for a connection the gateway opens itself (a WebSocket's). */
  nextOrigin(): string {
    return this.pick(new Set()).origin;
  }

  private take(index: number): Replica {
    this.cursor = (index + 1) % this.replicas.length;
    return this.replicas[index]!;
  }

  private count(outcome: string) {
    this.metrics.upstreamRequests.inc({ service: this.service, outcome });
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.pool.close()));
  }
}
