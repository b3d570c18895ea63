import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  trace,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import type { MsgHdrs } from '@nats-io/nats-core';
import type { EventMetadata, RecordedEvent } from '../events/event-store.js';
import { failed, tracer } from './tracer.js';

/*
 * Trace context across the event bus (W3C Trace Context). An event records the context
 * of the work that appended it (`traceparent` in its metadata); the relay publishes it
 * in a span of that trace and puts the span's context in the NATS message's headers; a
 * consumer (projection, reactor, job) applies it in a span that is the child of the
 * context it came with: the message's headers on JetStream, the event's metadata when
 * it tails the outbox. One trace thus runs from the request that wrote an event to
 * every read model and job it feeds, across processes.
 */

/** Trace context fields an event's metadata may hold. */
type TraceFields = Pick<EventMetadata, 'traceparent' | 'tracestate'>;

const natsHeaders: TextMapGetter<MsgHdrs> & TextMapSetter<MsgHdrs> = {
  get: (carrier, key) => carrier.get(key) || undefined,
  keys: (carrier) => carrier.keys(),
  set: (carrier, key, value) => carrier.set(key, value),
};

/**
 * The active trace context as event metadata: what `appendToStream` records with each
 * event. Empty when nothing is traced (tracing off, or work outside any span).
 */
export function traceFields(): TraceFields {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const fields: TraceFields = {};
  if (carrier.traceparent) fields.traceparent = carrier.traceparent;
  if (carrier.tracestate) fields.tracestate = carrier.tracestate;
  return fields;
}

/** Contexts events arrived with in a message's headers, by event (they live as long as the event object). */
const delivered = new WeakMap<RecordedEvent, Context>();

/** Notes the trace context a message's headers carry, for the consumer span of `event`. */
export function receivedWith(event: RecordedEvent, headers: MsgHdrs | undefined): void {
  if (!headers) return;
  const received = propagation.extract(ROOT_CONTEXT, headers, natsHeaders);
  if (trace.getSpanContext(received)) delivered.set(event, received);
}

/** The context an event continues: the one it was delivered with, else the one it was recorded in. */
function parentOf(event: RecordedEvent): Context | undefined {
  const known = delivered.get(event);
  if (known) return known;
  if (!event.metadata?.traceparent) return undefined;
  const recorded = propagation.extract(ROOT_CONTEXT, event.metadata as Record<string, string>);
  return trace.getSpanContext(recorded) ? recorded : undefined;
}

/**
 * Publishes an event to `subject` (`send` does, with `headers`) in a span of the trace
 * it was recorded in, whose context the headers then carry. An event recorded outside
 * any trace is published untraced.
 */
export async function tracedPublish<T>(
  event: RecordedEvent,
  subject: string,
  headers: MsgHdrs,
  send: () => Promise<T>,
): Promise<T> {
  const parent = parentOf(event);
  if (!parent) return send();
  const span = tracer().startSpan(
    `publish ${subject}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'nats',
        'messaging.operation.type': 'send',
        'messaging.operation.name': 'publish',
        'messaging.destination.name': subject,
        'messaging.message.id': event.eventId,
        'starling.event.type': event.type,
      },
    },
    parent,
  );
  propagation.inject(trace.setSpan(parent, span), headers, natsHeaders);
  try {
    return await send();
  } catch (err) {
    failed(span, err);
    throw err;
  } finally {
    span.end();
  }
}

/**
 * Runs `work`, which applies `events` for the consumer or job `name`, with a span per
 * traced event, each the child of the context that event came with. Events applied
 * together (a projection's set-based batch) are one piece of work: each of their traces
 * gets a span for it, and the work's own spans (its queries) go under the first. Events
 * from outside any trace are applied untraced.
 */
export async function tracedConsumption<T>(
  name: string,
  events: readonly RecordedEvent[],
  work: () => Promise<T>,
): Promise<T> {
  const spans: Span[] = [];
  for (const event of events) {
    const parent = parentOf(event);
    if (!parent) continue;
    spans.push(
      tracer().startSpan(
        `process ${name}`,
        {
          kind: SpanKind.CONSUMER,
          attributes: {
            'messaging.operation.type': 'process',
            'messaging.operation.name': 'process',
            'messaging.consumer.group.name': name,
            'messaging.message.id': event.eventId,
            'starling.event.type': event.type,
            ...(events.length > 1 ? { 'messaging.batch.message_count': events.length } : {}),
          },
        },
        parent,
      ),
    );
  }
  if (spans.length === 0) return work();
  try {
    return await context.with(trace.setSpan(context.active(), spans[0]!), work);
  } catch (err) {
    for (const span of spans) failed(span, err);
    throw err;
  } finally {
    for (const span of spans) span.end();
  }
}

/**
 * Runs background work (a relay's or a consumer's catching up) outside whatever request
 * happened to wake it: its housekeeping queries belong to no request's trace, and the
 * events it handles bring their own context.
 */
export const detached = <T>(work: () => T): T => context.with(ROOT_CONTEXT, work);
