import { isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * `trace_id` and `span_id` of the active span, for every log line written within it
 * (pino's mixin): a log line leads to its trace, and a trace to its log lines. Nothing
 * when no span is active, as always when tracing is off. A new object each time: pino
 * merges the line's own fields into it.
 */
export function logTraceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const ids = span.spanContext();
  if (!isSpanContextValid(ids)) return {};
  return { trace_id: ids.traceId, span_id: ids.spanId };
}
