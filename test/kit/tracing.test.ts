import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  appendToStream,
  ConfigError,
  createEventStoreTables,
  createLogger,
  ensureSchema,
  openStorage,
  OutboxTailBus,
  type Db,
  type Storage,
} from '@starling/kit';
import { tracingSettings } from '../../packages/kit/src/tracing/settings.js';
import { redactedUrl } from '../../packages/kit/src/tracing/redaction.js';
import { runStarling } from '../support/process.js';

describe('tracing settings', () => {
  it('are off unless an OTLP endpoint is set, and off again with OTEL_SDK_DISABLED', () => {
    expect(tracingSettings({}, 'starling')).toBeUndefined();
    expect(tracingSettings({ OTEL_SERVICE_NAME: 'x', OTEL_EXPORTER_OTLP_ENDPOINT: '' }, 'starling')).toBeUndefined();
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(tracingSettings(endpoint, 'starling-tweets')).toEqual({ serviceName: 'starling-tweets' });
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://tempo/v1/traces' }, 's')).toBeDefined();
    expect(tracingSettings({ ...endpoint, OTEL_SDK_DISABLED: 'TRUE' }, 'starling')).toBeUndefined();
    expect(tracingSettings({ ...endpoint, OTEL_SERVICE_NAME: 'edge' }, 'starling-gateway')).toEqual({
      serviceName: 'edge',
    });
  });

  it('refuse an endpoint that is not an http(s) URL, naming the variable', () => {
    expect(() => tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'starling')).toThrow(ConfigError);
    expect(() => tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'starling')).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});

describe('starling start with a bad tracing setting', () => {
  it('stops before it opens anything, with one line naming the variable', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'starling-otel-')), 'data');
    const result = await runStarling(['start'], { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318', DATA_DIR: dataDir });
    expect(result.code).toBe(78);
    expect(existsSync(dataDir)).toBe(false);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^starling: Invalid environment variable OTEL_EXPORTER_OTLP_ENDPOINT="collector:4318"/);
  });
});

describe('an outgoing request’s URL in a span', () => {
  it('keeps its query string but for the values of secret parameters', () => {
    const url = redactedUrl('https://idp.example', '/callback?code=s3cret&State=xyz&limit=20&access_token=tok');
    expect(url['url.full']).toBe(
      'https://idp.example/callback?code=REDACTED&State=REDACTED&limit=20&access_token=REDACTED',
    );
    expect(url['url.query']).toBe('?code=REDACTED&State=REDACTED&limit=20&access_token=REDACTED');
  });
});

/*
 * Traced in this process by an SDK writing to memory: the in-process bus (the embedded
 * mode's) continues a write's trace from the event's metadata, PGlite's statements are
 * spans of the work that runs them, and log lines written in a span carry its ids.
 */
describe('tracing in one process', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  let storage: Storage;
  let db: Db;
  let bus: OutboxTailBus;
  const secret = 'a value no span may hold';

  beforeAll(async () => {
    provider.register();
    storage = await openStorage({ dataDir: 'memory://' });
    db = storage.forSchema('src');
    await ensureSchema(db, 'src');
    await createEventStoreTables(db);
    await sql`create table src.seen (event_id uuid primary key, note text not null)`.execute(db);
    bus = new OutboxTailBus(createLogger({ LOG_LEVEL: 'silent' }), 50);
    bus.subscribe(
      {
        name: 'src.seen',
        source: 'src',
        types: ['NoteTaken'],
        async handle(event, trx) {
          const { note } = event.data as { note: string };
          await sql`insert into seen (event_id, note) values (${event.eventId}, ${note})`.execute(trx);
        },
      },
      db,
      'src',
    );
    bus.start();
  });
  afterAll(async () => {
    await bus?.stop();
    await storage?.close();
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('continues a write’s trace in the consumers that apply its events, with their statements', async () => {
    const request = trace.getTracer('test').startSpan('POST /notes', { kind: SpanKind.SERVER });
    const [event] = await context.with(trace.setSpan(context.active(), request), () =>
      db.transaction().execute(async (trx) => {
        const appended = await appendToStream(trx, 'note-1', 0, [{ type: 'NoteTaken', data: { note: secret } }]);
        return appended.events;
      }),
    );
    request.end();
    const { traceId, spanId } = request.spanContext();
    expect(event!.metadata.traceparent).toBe(`00-${traceId}-${spanId}-01`);

    // Applied by a catch-up that no request's context reaches.
    await bus.drain();
    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
    const consumed = spans.find((span) => span.name === 'process src.seen');
    expect(consumed).toMatchObject({ kind: SpanKind.CONSUMER, attributes: { 'starling.event.type': 'NoteTaken' } });
    expect(parentOf(consumed!)).toBe(spanId);
    const statements = spans.filter((span) => parentOf(span) === consumed!.spanContext().spanId);
    expect(statements.map((span) => span.name)).toEqual(['INSERT src']);
    expect(statements[0]!.attributes).toMatchObject({
      'db.system.name': 'postgresql',
      'db.query.text': 'insert into seen (event_id, note) values ($1, $2)',
    });
    // The write's own statements are in the request's span; the bus's polling is in no trace.
    expect(spans.filter((span) => parentOf(span) === spanId).map((span) => span.name)).toEqual(
      expect.arrayContaining(['BEGIN src', 'INSERT src', 'COMMIT src', 'process src.seen']),
    );
    expect(spans.every((span) => span.name !== 'SELECT src' || parentOf(span) === spanId)).toBe(true);
    // A statement's values travel apart from its text: the event's data is in no span.
    expect(JSON.stringify(exporter.getFinishedSpans().map((span) => span.attributes))).not.toContain(secret);
  });

  it('writes the trace and span ids in a log line written within a span, and none outside', () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    const log = createLogger({ LOG_LEVEL: 'info' }, sink);
    const span = trace.getTracer('test').startSpan('work');
    context.with(trace.setSpan(context.active(), span), () => log.info('within'));
    span.end();
    log.info('outside');
    expect(lines[0]).toMatchObject({ trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId });
    expect(lines[1]).not.toHaveProperty('trace_id');
    expect(lines[1]).not.toHaveProperty('span_id');
  });
});
