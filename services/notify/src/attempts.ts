import { Counter } from 'prom-client';
import type { ServiceContext } from '@starling/kit';

/**
 * A counter of delivery attempts by `outcome`, registered once per registry (mail and
 * webhooks each make one). Every outcome starts at zero, so that the first failure is an
 * increase to the alert rules (increase() does not see a series being born).
 */
export function attemptsCounter(
  ctx: ServiceContext,
  name: string,
  help: string,
  outcomes: readonly string[],
): Counter<'outcome'> {
  const existing = ctx.metrics.registry.getSingleMetric(name) as Counter<'outcome'> | undefined;
  if (existing) return existing;
  const counter = new Counter({ name, help, labelNames: ['outcome'] as const, registers: [ctx.metrics.registry] });
  for (const outcome of outcomes) counter.inc({ outcome }, 0);
  return counter;
}
