import { context, SpanKind, trace } from '@opentelemetry/api';
import { tracer, within } from './tracer.js';

/**
 * Runs a statement on the embedded PGlite in a span (no instrumentation exists for it;
 * `pg`'s is instrumented by the SDK). As with `pg`, only statements of traced work are
 * recorded, and only their text, whose values travel apart as parameters.
 */
export function tracedQuery<T>(text: string, schema: string, run: () => Promise<T>): Promise<T> {
  if (!trace.getSpan(context.active())) return run();
  const operation = sqlCommand(text);
  const span = tracer().startSpan(`${operation} ${schema}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'db.system.name': 'postgresql',
      'db.namespace': schema,
      'db.operation.name': operation,
      'db.query.text': text,
    },
  });
  return within(span, run);
}

/** The statement's command, as the span's name says it: `SELECT`, `INSERT`, `WITH`… */
export const sqlCommand = (text: string): string => /^\s*([a-z]+)/i.exec(text)?.[1]?.toUpperCase() ?? 'QUERY';
