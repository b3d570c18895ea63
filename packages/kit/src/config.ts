import { z } from 'zod';
import { ConfigError, loadSettings, seconds, type Environment } from './settings.js';

/**
 * The platform's configuration: what every process needs whatever services it runs.
 * Every variable is documented in the README; a bad value stops the process with one
 * line naming it. Services read their own settings from `env` (settings.ts).
 */

/** An http(s) URL; `what` says more of what it must look like. */
const url = (what = '') => z.string().regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, `must be an http(s):// URL${what}`);

/** One base URL or several, comma-separated (replicas of one service). */
const urls = z.string().regex(/^https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*$/, 'must be http(s):// URLs, comma-separated');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Log one line per request at `info`; otherwise at `debug`. Errors and slow requests are always logged. */
  LOG_REQUESTS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** A request whose headers and body have not all arrived after this many seconds gets a 408. */
  REQUEST_TIMEOUT: seconds(30),
  /** Origins (scheme://host[:port], comma-separated) whose scripts may call the API with credentials. */
  CORS_ORIGINS: z
    .string()
    .regex(/^https?:\/\/[^,\s/]+(,https?:\/\/[^,\s/]+)*$/, 'must be http(s)://host origins, comma-separated')
    .optional(),
  ACCESS_TOKEN_TTL: seconds(3600),
  TOKEN_ISSUER: z.string().min(1).default('starling'),
  PROJECTION_POLL_MS: z.coerce.number().int().min(10).default(500),
  SHUTDOWN_TIMEOUT: seconds(10),
  // Distributed mode (see docs/distributed.md).
  NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\/.+/, 'must be a nats:// or tls:// URL (several may be given, comma-separated)')
    .optional(),
  /** Prefix of every JetStream stream and subject, so several Starlings can share one NATS. */
  NATS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _')
    .default('starling'),
  /** A write waits this long at most for the bus's consumers to apply it (read your writes). */
  CONSISTENCY_WAIT_MS: z.coerce.number().int().min(0).default(2000),
  /** A message whose handler fails this many times goes to the dead-letter subject. */
  DEAD_LETTER_AFTER: z.coerce.number().int().min(1).default(5),
  // Object storage (docs/architecture.md): S3_BUCKET set means an S3-compatible store,
  // otherwise the folder DATA_DIR/media.
  /** The S3 API's URL (MinIO, Ceph RGW, R2…); AWS's own endpoint for S3_REGION when unset. */
  S3_ENDPOINT: url()
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3-63 of a-z, 0-9, . and -)')
    .optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a region name such as us-east-1')
    .default('us-east-1'),
  /** Credentials; the SDK's own chain (environment, profile, instance role) when unset. Never logged. */
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Bucket in the path (`endpoint/bucket/key`) rather than the host; true by default when S3_ENDPOINT is set. */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Where clients fetch objects (a CDN, the bucket's public domain), without a trailing slash. */
  MEDIA_PUBLIC_URL: url(' without a trailing slash')
    .refine((v) => !v.endsWith('/'), 'must be an http(s):// URL without a trailing slash')
    .optional(),
  /** A JSON or YAML file of notification rules (docs/notifications.md); none when unset. */
  NOTIFY_RULES: z.string().optional(),
  /** A JSON or YAML file of access rules (docs/access-policy.md); the contracts' own rules only when unset. */
  ACCESS_POLICY: z.string().optional(),
});

export type Config = Omit<z.infer<typeof schema>, 'S3_FORCE_PATH_STYLE'> & {
  S3_FORCE_PATH_STYLE: boolean;
  /** The environment the configuration was read from, where services read their own settings. */
  env: Environment;
};

export function loadConfig(env: Environment = process.env): Config {
  const settings = loadSettings(schema, env);
  const pathStyle = settings.S3_FORCE_PATH_STYLE ?? settings.S3_ENDPOINT !== undefined;
  if (settings.S3_BUCKET && !settings.S3_ACCESS_KEY_ID !== !settings.S3_SECRET_ACCESS_KEY) {
    const missing = settings.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID';
    throw new ConfigError(
      `Invalid environment variable ${missing}: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither`,
    );
  }
  return { ...settings, S3_FORCE_PATH_STYLE: pathStyle, env: { ...env } };
}

/** A comma-separated URL list as an array (replicas of one service). */
export const urlList = (value: string | undefined): string[] =>
  value ? value.split(',').map((u) => u.replace(/\/+$/, '')) : [];

/**
 * A variable holding one base URL or several, comma-separated (replicas of one
 * service), as an array; empty when unset. A bad value is a ConfigError naming it.
 */
export function urlsFrom(env: Record<string, string | undefined>, variable: string): string[] {
  const value = env[variable];
  if (value === undefined || value === '') return [];
  const parsed = urls.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid environment variable ${variable}=${JSON.stringify(value)}: ${parsed.error.issues[0]!.message}`,
    );
  }
  return urlList(parsed.data);
}
