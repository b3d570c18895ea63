import { PassThrough, type Readable } from 'node:stream';
import { HttpProblem, problems, sendProblem, TRACE_HEADERS, tracingActive } from '@starling/kit';
import type { FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { AnswerHeaders } from './exchange.js';
import { Cancellation, UpstreamFailure, type Upstream } from './upstreams.js';

/**
 * Headers that describe one connection, not the message: they are never passed on
 * (RFC 9110 §7.6.1), nor are the ones a `Connection` header names.
 */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'trailers']);

/** Set anew for the upstream: undici writes Host and Content-Length for the body it sends. */
const REWRITTEN = new Set([
  'host',
  'content-length',
  'expect',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
]);

type Headers = Record<string, string | string[] | undefined>;

/** The tokens of a Connection header: the headers it names are this connection's own. */
const connectionTokens = (value: string | string[]) =>
  new Set(
    String(value)
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );

function endToEnd(headers: Headers, alsoDrop?: Set<string>): Record<string, string | string[]> {
  const { connection } = headers;
  // The usual value names a header that is dropped anyway.
  const listed = connection === undefined || connection === 'keep-alive' ? undefined : connectionTokens(connection);
  const kept: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || alsoDrop?.has(name)) continue;
    if (name.startsWith('proxy-') || listed?.has(name)) continue;
    kept[name] = value;
  }
  return kept;
}

/** Set anew for the upstream when the gateway traces: its own span's context, which the client's is the parent of. */
const TRACED = new Set([...REWRITTEN, ...TRACE_HEADERS]);

/**
 * What the service is told about the request: who sent it, over what and to which
 * host, and its request id. A client's own X-Forwarded-For is kept only behind a
 * trusted proxy (TRUST_PROXY); otherwise the gateway is the edge and anything a client
 * wrote there is a lie the services' per-address limits would believe. A client's trace
 * context passes through untouched unless the gateway traces, when the upstream request's
 * instrumentation sends the gateway's own (a second `traceparent` would void both).
 */
function upstreamHeaders(request: FastifyRequest, trustProxy: boolean): Record<string, string | string[]> {
  const headers = endToEnd(request.headers, tracingActive() ? TRACED : REWRITTEN);
  const peer = request.socket.remoteAddress ?? request.ip;
  const prior = trustProxy ? request.headers['x-forwarded-for'] : undefined;
  headers['x-forwarded-for'] = prior ? `${String(prior)}, ${peer}` : peer;
  headers['x-forwarded-proto'] = request.protocol;
  headers['x-forwarded-host'] = request.host;
  headers['x-request-id'] = request.id;
  return headers;
}

/** Open event streams, ended by `endAll` when the gateway shuts down (they never end by themselves). */
export class LiveStreams {
  private readonly enders = new Set<() => void>();

  add(end: () => void): () => void {
    this.enders.add(end);
    return () => this.enders.delete(end);
  }

  endAll(): void {
    for (const end of this.enders) end();
    this.enders.clear();
  }
}

/**
 * The handler of every route of a service: sends the request to one of its replicas
 * (see Upstream.send for which and how often) and passes the answer back: a small one
 * whole, as it came, any other streamed as it comes, so Server-Sent Events flow one by
 * one. A client that goes away abandons the upstream request.
 */
export function proxyTo(upstream: Upstream, trustProxy: boolean, live: LiveStreams): RouteHandlerMethod {
  return async (request, reply) => {
    const cancellation = new Cancellation();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) cancellation.cancel();
    });

    let response;
    try {
      response = await upstream.send({
        method: request.method,
        path: request.raw.url ?? request.url,
        headers: upstreamHeaders(request, trustProxy),
        body: Buffer.isBuffer(request.body) ? request.body : undefined,
        cancellation,
        log: request.log,
      });
    } catch (err) {
      if (cancellation.cancelled) return reply.hijack(); // nobody is left to answer
      if (err instanceof UpstreamFailure) {
        const status = err.timedOut ? 504 : 502;
        const title = err.timedOut ? 'Gateway timeout' : 'Bad gateway';
        const code = err.timedOut ? 'gateway-timeout' : 'bad-gateway';
        return sendProblem(reply, new HttpProblem(status, code, title, err.message));
      }
      throw err;
    }

    const { statusCode, headers, body } = response;
    reply.code(statusCode).headers(endToEnd(headers));
    if (request.method === 'HEAD' || statusCode === 204 || statusCode === 304) {
      if (!Buffer.isBuffer(body)) body.resume(); // nothing to pass on: read to its end, the connection stays usable
      return reply.send();
    }
    if (Buffer.isBuffer(body) || !isEventStream(headers)) return reply.send(body);
    return reply.send(liveStream(body, live));
  };
}

const isEventStream = (headers: AnswerHeaders) => String(headers['content-type'] ?? '').startsWith('text/event-stream');

/**
 * An event stream as the reply's payload: it never ends by itself, so the gateway's
 * shutdown ends it, cleanly, and its client reconnects with Last-Event-ID. A replica
 * that fails mid-stream cuts the client's connection, as any truncated answer does.
 */
function liveStream(body: Readable, live: LiveStreams): PassThrough {
  const out = new PassThrough();
  let stopping = false;
  body.on('error', (err: Error) => {
    if (!stopping) out.destroy(err);
  });
  body.pipe(out);
  const forget = live.add(() => {
    stopping = true;
    body.unpipe(out);
    out.end();
    body.destroy();
  });
  out.on('close', forget);
  return out;
}

/** The routes of a service whose URL variable is unset: the gateway starts, they say why they cannot answer. */
export function unconfigured(service: string, variable: string): RouteHandlerMethod {
  const problem = problems.unavailable(`The ${service} service is not configured: set ${variable}.`);
  return async (_request, reply) => sendProblem(reply, problem);
}
