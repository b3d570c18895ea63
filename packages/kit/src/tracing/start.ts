import type { Environment } from '../settings.js';
import { tracingSettings } from './settings.js';

/** A started tracer: `shutdown` sends what is still buffered, then stops. */
export interface Tracing {
  shutdown(): Promise<void>;
}

/** At exit, buffered spans get this long to leave: a collector that is away must not hold the process. */
const FLUSH_TIMEOUT_MS = 5_000;

let active = false;

/** True once this process traces: an OTLP endpoint is set and the SDK started. */
export const tracingActive = (): boolean => active;

/**
 * Starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT (or _TRACES_ENDPOINT) is set, as
 * `defaultServiceName` unless OTEL_SERVICE_NAME says otherwise; does nothing and loads
 * nothing otherwise. Call it before the modules it instruments are loaded (node:http,
 * pg): the process's entry point imports the rest after it.
 */
export async function startTracing(
  defaultServiceName: string,
  env: Environment = process.env,
): Promise<Tracing | undefined> {
  const settings = tracingSettings(env, defaultServiceName);
  if (!settings) return undefined;
  const { startSdk } = await import('./sdk.js');
  // OTEL_SERVICE_NAME is read by the SDK itself; the default is given only when it is unset.
  const sdk = startSdk(env.OTEL_SERVICE_NAME ? undefined : settings.serviceName);
  active = true;
  return {
    async shutdown() {
      active = false;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_TIMEOUT_MS)));
      await Promise.race([sdk.shutdown().catch(() => {}), late]);
      clearTimeout(timer);
    },
  };
}
