import { PassThrough } from 'node:stream';
import { HttpProblem, problems, sendProblem, TRACE_HEADERS, tracingActive } from '@starling/kit';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { UpstreamFailure, type Upstream, type UpstreamResponse } from './upstreams.js';

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

function endToEnd(headers: Headers, alsoDrop: Set<string> = new Set()): Record<string, string | string[]> {
  const listed = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name.startsWith('proxy-') || listed.has(name)) continue;
    if (alsoDrop.has(name)) continue;
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
 * (see Upstream.send for which and how often) and streams the answer back as it comes,
 * so Server-Sent Events flow one by one. A client that goes away aborts the upstream
 * request.
 */
export function proxyTo(upstream: Upstream, trustProxy: boolean, live: LiveStreams): RouteHandlerMethod {
  return async (request, reply) => {
    const controller = new AbortController();
    reply.raw.on('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });

    let response;
    try {
      response = await upstream.send({
        method: request.method,
        path: request.raw.url ?? request.url,
        headers: upstreamHeaders(request, trustProxy),
        body: Buffer.isBuffer(request.body) ? request.body : undefined,
        signal: controller.signal,
        log: request.log,
      });
    } catch (err) {
      if (controller.signal.aborted) return reply.hijack(); // nobody is left to answer
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
      await body.dump();
      return reply.send();
    }
    return reply.send(relay(body, reply, controller, live));
  };
}

/**
 * The upstream body as the reply's payload. An upstream that fails mid-body cuts the
 * client's connection (a truncated answer must not look complete); an event stream is
 * ended cleanly at shutdown, and its client reconnects with Last-Event-ID.
 */
function relay(
  body: UpstreamResponse['body'],
  reply: FastifyReply,
  controller: AbortController,
  live: LiveStreams,
): PassThrough {
  const out = new PassThrough();
  let stopping = false;
  body.on('error', (err: Error) => {
    if (stopping) return;
    out.destroy(controller.signal.aborted ? undefined : err);
  });
  body.pipe(out);
  if (String(reply.getHeader('content-type') ?? '').startsWith('text/event-stream')) {
    const forget = live.add(() => {
      stopping = true;
      body.unpipe(out);
      out.end();
      body.destroy();
    });
    out.on('close', forget);
  }
  return out;
}

/** The routes of a service whose URL variable is unset: the gateway starts, they say why they cannot answer. */
export function unconfigured(service: string, variable: string): RouteHandlerMethod {
  const problem = problems.unavailable(`The ${service} service is not configured: set ${variable}.`);
  return async (_request, reply) => sendProblem(reply, problem);
}
