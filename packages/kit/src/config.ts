import { z } from 'zod';

/**
 * Configuration comes from the environment only (twelve-factor). Every variable is
 * documented in the README; a bad value stops the process with one line naming it.
 */
const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

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
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  ACCESS_TOKEN_TTL: seconds(3600),
  TOKEN_ISSUER: z.string().min(1).default('starling'),
  AUTH_SIGNING_KEY: z.string().optional(),
  LOGIN_RATE_LIMIT: z
    .string()
    .regex(/^\d+\/\d+$/, 'must look like ATTEMPTS/SECONDS, for example 10/300')
    .default('10/300'),
  PROJECTION_POLL_MS: z.coerce.number().int().min(10).default(500),
  SHUTDOWN_TIMEOUT: seconds(10),
  // Home timelines (see docs/timelines.md).
  FANOUT_MAX_FOLLOWERS: z.coerce.number().int().min(0).default(10_000),
  HOME_TIMELINE_LENGTH: z.coerce.number().int().min(20).default(800),
  STREAM_HEARTBEAT_SECONDS: seconds(15),
  STREAM_POLL_MS: z.coerce.number().int().min(10).default(1000),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0]);
  throw new ConfigError(`Invalid environment variable ${name}=${JSON.stringify(present[name])}: ${issue.message}`);
}

export function loginRateLimit(config: Config) {
  const [attempts, windowSeconds] = config.LOGIN_RATE_LIMIT.split('/').map(Number) as [number, number];
  return { attempts, windowSeconds };
}
