import { Writable } from 'node:stream';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, createLogger, readStream } from '@starling/kit';
import { tracingSettings } from '../../packages/kit/src/tracing/settings.js';
import { redactedUrl } from '../../packages/kit/src/tracing/redaction.js';
import { runStarling } from '../support/process.js';
import { useStarling } from '../support/starling.js';

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
    const result = await runStarling(['start'], { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' });
    expect(result.code).toBe(78);
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
 * The embedded mode, traced in this process by an SDK writing to memory: the in-process
 * bus continues a write's trace from the event's metadata, PGlite's statements are spans
 * of the work that runs them, and log lines written in a span carry its ids.
 */
describe('tracing in one process', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const s = useStarling({ postgres: false });

  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('continues a write’s trace in the projections that apply its events, with their statements', async () => {
    const ada = await s.signUp('trace_ada');
    const body = 'a body no span may hold';
    const request = trace.getTracer('test').startSpan('POST /api/v2/tweets', { kind: SpanKind.SERVER });
    // Inside the span: an injected request starts when it is awaited.
    const posted = await context.with(trace.setSpan(context.active(), request), async () => {
      const answer = await s.request({ method: 'POST', url: '/api/v2/tweets', token: ada.token, json: { body } });
      return answer;
    });
    request.end();
    expect(posted.statusCode).toBe(201);
    const id = posted.json<{ id: string }>().id;
    const { traceId, spanId } = request.spanContext();

    const [event] = await readStream(s.platform.contexts.find((c) => c.name === 'tweets')!.db, `tweet-${id}`);
    expect(event?.metadata.traceparent).toBe(`00-${traceId}-${spanId}-01`);

    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
    const projection = spans.find((span) => span.name === 'process timeline.tweets');
    expect(projection).toMatchObject({ kind: SpanKind.CONSUMER, attributes: { 'starling.event.type': 'TweetPosted' } });
    expect(parentOf(projection!)).toBe(spanId);
    const statements = spans.filter((span) => parentOf(span) === projection!.spanContext().spanId);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.name).toMatch(/^[A-Z]+ timeline$/);
      expect(statement.attributes['db.system.name']).toBe('postgresql');
    }
    // A statement's values travel apart from its text: the tweet's body is in no span.
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain(body);
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
