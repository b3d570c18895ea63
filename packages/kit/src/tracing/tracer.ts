import { SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

/** The kit's own spans (the bus, PGlite); the instrumentations have theirs. A no-op until tracing starts. */
export const tracer = () => trace.getTracer('starling');

/**
 * Marks a span failed with the error's type and message: what the log line says, no
 * more (a database error's parameters and failing row never reach a log or a span).
 */
export function failed(span: Span, err: unknown): void {
  const { name, message } = err instanceof Error ? err : { name: 'Error', message: String(err) };
  span.recordException({ name, message });
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}

/** Runs `work` in `span`, ending it when the work settles and marking it failed when it throws. */
export async function within<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    failed(span, err);
    throw err;
  } finally {
    span.end();
  }
}

/** Runs `work` in a span of its own under the active one; untraced when no span is active. */
export function tracedStep<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  if (!trace.getActiveSpan()) return work();
  return tracer().startActiveSpan(name, { attributes }, (span) => within(span, work));
}
