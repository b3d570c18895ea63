import type { IncomingMessage } from 'node:http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { sqlCommand } from './db.js';
import { redactedUrl, REDACTED_QUERY_PARAMS } from './redaction.js';

/** Probes and scrapes: every few seconds per process, and never what anyone looks for in a trace. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The OpenTelemetry SDK for traces only (metrics are Prometheus's, at /metrics), with
 * the exporter, sampler, propagators and resource the standard OTEL_* variables say
 * (OTLP over HTTP/protobuf, W3C trace context and always-on sampling unless told
 * otherwise). Loaded only when tracing is on: instrumenting costs nothing when it is off.
 *
 * What is instrumented by patching (so this must run before those modules load):
 * incoming HTTP requests (every Fastify server) and outgoing ones on node:http, `pg`'s
 * queries, and every undici request (fetch, the gateway's upstream pools), which undici
 * reports on its diagnostics channels. The event bus, PGlite and Fastify's route names
 * are traced by the kit itself (tracing/bus.ts, tracing/db.ts, tracing/http.ts).
 */
export function startSdk(serviceName: string | undefined): NodeSDK {
  const sdk = new NodeSDK({
    ...(serviceName ? { serviceName } : {}),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]!),
        redactedQueryParams: REDACTED_QUERY_PARAMS,
        redactedQueryParamsServer: REDACTED_QUERY_PARAMS,
      }),
      new UndiciInstrumentation({
        // The instrumentation records the whole URL; a secret in its query string must not go with it.
        startSpanHook: (request) => redactedUrl(request.origin, request.path),
      }),
      // A query outside any traced work (a poll of the outbox, a consumer's idle read) would
      // make a trace of its own, several a second: only queries of traced work are recorded.
      // Statements are recorded as Kysely sends them, with `$1` placeholders, never their values.
      new PgInstrumentation({
        requireParentSpan: true,
        // Every statement runs prepared under a generated name (db/storage.ts), which the
        // span would be named after: the SQL command says more.
        requestHook: (span, { query, connection }) =>
          span.updateName(`pg.query:${sqlCommand(query.text)}${connection.database ? ` ${connection.database}` : ''}`),
      }),
    ],
  });
  sdk.start();
  return sdk;
}
