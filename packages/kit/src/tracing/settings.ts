import { z } from 'zod';
import { loadSettings, type Environment } from '../settings.js';

const endpoint = z
  .string()
  .regex(/^https?:\/\/[^\s/?#]+(\/\S*)?$/, 'must be an http(s):// URL, such as http://otel-collector:4318');

/**
 * OpenTelemetry's own variables, as every OpenTelemetry SDK reads them: tracing is on
 * when an OTLP endpoint is set (for all signals or for traces alone), unless
 * OTEL_SDK_DISABLED says otherwise. The SDK reads the rest (OTEL_EXPORTER_OTLP_PROTOCOL,
 * _HEADERS, OTEL_TRACES_SAMPLER, OTEL_RESOURCE_ATTRIBUTES…) itself.
 */
const schema = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: endpoint.optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint.optional(),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_SDK_DISABLED: z
    .string()
    .regex(/^(true|false)$/i, 'must be true or false')
    .transform((v) => v.toLowerCase() === 'true')
    .optional(),
});

export interface TracingSettings {
  /** What the process calls itself in traces: OTEL_SERVICE_NAME, or the name it is given. */
  serviceName: string;
}

/** The tracing settings, or undefined when tracing is off; a bad value is a ConfigError naming it. */
export function tracingSettings(env: Environment, defaultServiceName: string): TracingSettings | undefined {
  const settings = loadSettings(schema, env);
  const endpointSet = settings.OTEL_EXPORTER_OTLP_ENDPOINT ?? settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (!endpointSet || settings.OTEL_SDK_DISABLED) return undefined;
  return { serviceName: settings.OTEL_SERVICE_NAME ?? defaultServiceName };
}
