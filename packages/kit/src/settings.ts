import { z } from 'zod';

/**
 * Settings come from the environment only (twelve-factor). The platform reads its own
 * (config.ts); each service declares and reads its own with these helpers, so a bad
 * value stops every process that runs the service with one line naming the variable.
 */
export type Environment = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses `env` with `schema`, or throws a ConfigError naming the first bad variable. */
export function loadSettings<S extends z.ZodType>(schema: S, env: Environment): z.output<S> {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0]);
  throw new ConfigError(`Invalid environment variable ${name}=${JSON.stringify(present[name])}: ${issue.message}`);
}

/** A whole number of seconds, greater than zero. */
export const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * `PUBLIC_URL`, the web app's origin as people reach it (links in mail, sign-in redirect
 * URIs, Mastodon's links and streaming URL), without a trailing slash.
 */
export const publicUrl = () =>
  z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+\/?$/, 'must be an http(s):// origin, such as https://starling.example')
    .default('http://localhost:3000')
    .transform((v) => v.replace(/\/+$/, ''));

/**
 * A rate as `COUNT/SECONDS` (`what` names the count in the message, `fallback` is also
 * the example given), parsed into how many per how many seconds.
 */
export const perWindow = (what: string, fallback: string) =>
  z
    .string()
    .regex(/^\d+\/\d+$/, `must look like ${what}/SECONDS, for example ${fallback}`)
    .default(fallback)
    .transform((value) => value.split('/').map(Number) as [count: number, windowSeconds: number]);
