import { ConfigError, type EventBus } from '@starling/kit';

/**
 * A worker's backlog as one log line, for an operator whose monitoring reads logs
 * rather than /metrics (CloudWatch on AWS turns the line into metrics: deploy/aws).
 * The same figures as `starling_projection_lag_events`, summed.
 */
export const LAG_LINE = 'worker lag';

export interface LagReport {
  /** Events its consumers and jobs have yet to process. */
  projectionLag: number;
  /** Events its service committed but has not yet published to NATS. */
  relayLag: number;
}

export async function lagReport(bus: EventBus): Promise<LagReport> {
  const lags = await bus.lag();
  const isRelay = (consumer: string) => consumer.startsWith('bus.relay.');
  const sum = (relay: boolean) => lags.filter((l) => isRelay(l.consumer) === relay).reduce((n, l) => n + l.lag, 0);
  return { projectionLag: sum(false), relayLag: sum(true) };
}

/**
 * Logs the backlog every `seconds` (LAG_REPORT_SECONDS; never when unset or 0) until
 * the returned function is called.
 */
export function reportLagEvery(seconds: number, bus: EventBus, log: LineLogger, role: string): () => void {
  if (!(seconds > 0)) return () => {};
  const timer = setInterval(() => {
    lagReport(bus).then(
      (report) => log.info({ role, ...report }, LAG_LINE),
      (err: unknown) => log.warn({ err, role }, 'could not measure the backlog'),
    );
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Where the line goes: the process's logger. */
interface LineLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** LAG_REPORT_SECONDS: a whole number of seconds, 0 or unset for never. */
export function lagReportSeconds(env: Record<string, string | undefined>): number {
  const value = env.LAG_REPORT_SECONDS;
  if (value === undefined || value === '') return 0;
  if (!/^\d+$/.test(value))
    throw new ConfigError(
      `Invalid environment variable LAG_REPORT_SECONDS=${JSON.stringify(value)}: must be a whole number of seconds`,
    );
  return Number(value);
}
