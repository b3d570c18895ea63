import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/assertions.js';
import { startOtlpReceiver, SpanKind, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver.js';
import { freePort, killStarlings, startServer, type Exit, type StartedServer } from '../support/process.js';
import { createDatabase, natsNamespace, PASSWORD } from '../support/starling.js';

/*
 * OpenTelemetry traces in the distributed mode: the processes a post goes through
 * (gateway, tweets, the timeline's worker, with identity for the token) export to an
 * OTLP/HTTP receiver in this process, and one trace runs from the gateway's
 * `POST /api/v2/tweets` (under the client's own span) through the tweets service, the
 * outbox relay's publish to NATS and the timeline worker's projection, each span the
 * child of the one before; the log lines written on the way carry its trace id. A second gateway with no OTEL_* variable,
 * in front of the same services, traces nothing and passes a client's trace context on
 * untouched.
 */
const missing =
  (!process.env.DATABASE_URL && 'DATABASE_URL is not set') || (!process.env.NATS_URL && 'NATS_URL is not set');
const title = missing ? `traces, distributed (skipped: ${missing})` : 'traces, distributed';

/** The JSON log lines of a process's output. */
const logLines = (exit: Exit): Array<Record<string, unknown>> =>
  exit.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe.skipIf(!!missing)(title, { timeout: 120_000 }, () => {
  let receiver: OtlpReceiver;
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let bus: ReturnType<typeof natsNamespace>;
  let gateway: StartedServer;
  let untracedGateway: StartedServer;
  const processes: StartedServer[] = [];
  let token: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    database = await createDatabase();
    bus = natsNamespace();
    const [identityPort, tweetsPort] = await Promise.all([freePort(), freePort()]);
    const shared = {
      ...bus.env,
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '3',
      LOG_LEVEL: 'info',
      LOG_REQUESTS: 'true',
      LOGIN_RATE_LIMIT: '1000/60',
      SIGNUP_RATE_LIMIT: '100000/60',
      IDENTITY_URL: `http://127.0.0.1:${identityPort}`,
      TWEETS_URL: `http://127.0.0.1:${tweetsPort}`,
    };
    const traced = {
      ...shared,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Spans leave every 100 ms rather than every 5 s.
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    const started = await Promise.all([
      startServer(traced, 'gateway'),
      startServer(shared, 'gateway'),
      startServer({ ...traced, PORT: String(identityPort) }, 'identity'),
      startServer({ ...traced, PORT: String(tweetsPort) }, 'tweets'),
      startServer(traced, 'timeline-worker'),
    ]);
    processes.push(...started);
    [gateway, untracedGateway] = started;

    const username = `tr_${randomBytes(3).toString('hex')}`;
    const json = { username, email: `${username}@example.com`, password: PASSWORD };
    expect((await gateway.api('/api/v1/users', { method: 'POST', json })).status).toBe(201);
    const login = await gateway.api('/api/v1/auth/login', { method: 'POST', json: { username, password: PASSWORD } });
    token = ((await login.json()) as { access_token: string }).access_token;
  }, 90_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    killStarlings();
    await receiver?.close();
    await database?.drop();
    await bus?.drop();
  });

  let edge: ReceivedSpan;
  let service: ReceivedSpan;

  it('follows one post from the gateway through the tweets service, the relay and the timeline worker in one trace', async () => {
    // The client traces its own call: the gateway's span continues its trace, and the gateway
    // sends its own context on to the service in place of the client's.
    const clientTrace = randomBytes(16).toString('hex');
    const clientSpan = randomBytes(8).toString('hex');
    const posted = await gateway.api('/api/v2/tweets', {
      method: 'POST',
      token,
      json: { body: 'traced #otel' },
      headers: { traceparent: `00-${clientTrace}-${clientSpan}-01` },
    });
    expect(posted.status).toBe(201);
    // A token in a query string (as Mastodon's streaming takes it) is recorded redacted: see the last test.
    const { id } = (await posted.json()) as { id: string };
    await gateway.api(`/api/v2/tweets/${id}?access_token=${token}`);

    edge = await eventually(async () => {
      const found = receiver
        .spans()
        .find((s) => s.traceId === clientTrace && s.service === 'starling-gateway' && s.kind === SpanKind.SERVER);
      expect(found).toBeDefined();
      return found!;
    });
    expect(edge).toMatchObject({ name: 'POST /api/v2/tweets', parentSpanId: clientSpan });
    expect(edge.attributes['http.route']).toBe('/api/v2/tweets');
    const inTrace = () => receiver.spans().filter((s) => s.traceId === edge.traceId);
    const childOf = (parent: ReceivedSpan, where: (s: ReceivedSpan) => boolean) =>
      inTrace().find((s) => s.parentSpanId === parent.spanId && where(s));
    // Named after the SQL command (the statements run prepared, under generated names).
    const isQuery = (s: ReceivedSpan) =>
      s.kind === SpanKind.CLIENT &&
      s.attributes['db.system.name'] === 'postgresql' &&
      /^pg\.query:[A-Z]+ /.test(s.name);

    // Each process sends its spans as they end, the tweets service's last (its answer waits
    // for the read models): the chain is looked for until it is all there.
    await eventually(async () => {
      // Its other calls (the keys that verify the token, once) are in it too.
      const call = childOf(edge, (s) => s.kind === SpanKind.CLIENT && s.attributes['url.path'] === '/api/v2/tweets');
      expect(call, 'the gateway calls the tweets service within its request').toMatchObject({
        service: 'starling-gateway',
        attributes: { 'http.request.method': 'POST' },
      });
      service = childOf(call!, (s) => s.kind === SpanKind.SERVER)!;
      expect(service, 'the tweets service continues the gateway’s trace').toMatchObject({
        service: 'starling-tweets',
        name: 'POST /api/v2/tweets',
      });
      expect(childOf(service, isQuery), 'the service’s queries are in it').toBeDefined();
      const publish = childOf(service, (s) => s.kind === SpanKind.PRODUCER);
      expect(publish, 'the relay publishes the event in the trace of the request that recorded it').toMatchObject({
        service: 'starling-tweets',
        name: expect.stringMatching(/^publish \S+\.tweets\.TweetPosted$/),
        attributes: { 'messaging.system': 'nats', 'starling.event.type': 'TweetPosted' },
      });
      const projection = childOf(
        publish!,
        (s) => s.service === 'starling-timeline-worker' && s.name === 'process timeline.tweets',
      );
      expect(projection, 'the timeline worker applies it as a child of the publish').toMatchObject({
        kind: SpanKind.CONSUMER,
        attributes: { 'starling.event.type': 'TweetPosted' },
      });
      expect(childOf(projection!, isQuery), 'the projection’s queries are in it').toBeDefined();
    });
  });

  it('traces nothing at a gateway without OTEL_* settings, which passes a client’s trace context on untouched', async () => {
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    const posted = await untracedGateway.api('/api/v2/tweets', {
      method: 'POST',
      token,
      json: { body: 'traced by the client' },
      headers: { traceparent: `00-${traceId}-${clientSpanId}-01` },
    });
    expect(posted.status).toBe(201);
    // Had this gateway traced the request, the service's span would be the child of the gateway's.
    const received = await eventually(async () => {
      const found = receiver.spans().find((s) => s.traceId === traceId && s.kind === SpanKind.SERVER);
      expect(found).toBeDefined();
      return found!;
    });
    expect(received).toMatchObject({ service: 'starling-tweets', parentSpanId: clientSpanId });
    expect(receiver.spans().filter((s) => s.traceId === traceId && s.service === 'starling-gateway')).toEqual([]);
  });

  it('writes the trace id and span id in the log lines written within a trace, none without tracing, and no credential in a span', async () => {
    // Stopped, every process has sent its last spans and printed its last lines.
    const stopped = await Promise.all(processes.map((p) => p.stop()));
    const [gatewayLog, untracedLog, , tweetsLog] = stopped.map(logLines) as Array<Array<Record<string, unknown>>>;
    const posts = (lines: Array<Record<string, unknown>>) =>
      lines.filter((l) => l.method === 'POST' && l.url === '/api/v2/tweets');

    expect(posts(gatewayLog!)).toEqual([expect.objectContaining({ trace_id: edge.traceId, span_id: edge.spanId })]);
    expect(posts(tweetsLog!)).toContainEqual(
      expect.objectContaining({ trace_id: edge.traceId, span_id: service.spanId }),
    );
    expect(posts(untracedLog!)).toHaveLength(1);
    for (const line of untracedLog!) {
      expect(line).not.toHaveProperty('trace_id');
      expect(line).not.toHaveProperty('span_id');
    }

    // No credential reached a span: neither the token (in a header, and in a query string
    // once) nor the password sent on the way.
    const exported = receiver.raw();
    expect(exported).toContain(edge.traceId);
    expect(exported).toContain('access_token=REDACTED');
    expect(exported).not.toContain(token);
    expect(exported).not.toContain(PASSWORD);
  });
});
