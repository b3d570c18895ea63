import { loadSettings, perWindow, type Environment } from '@starling/kit';
import { z } from 'zod';

/** Identity's settings: cookies, the token signing key, and how much guessing it allows. */
const schema = z.object({
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  AUTH_SIGNING_KEY: z.string().optional(),
  /** Failed logins per client address (and, slowed, per account). */
  LOGIN_RATE_LIMIT: perWindow('ATTEMPTS', '10/300'),
  /** Sign-ups per client address: each one costs a 32 MiB password hash. */
  SIGNUP_RATE_LIMIT: perWindow('SIGN-UPS', '20/3600'),
});

export type IdentitySettings = z.infer<typeof schema>;

export const identitySettings = (env: Environment): IdentitySettings => loadSettings(schema, env);

export function loginRateLimit(settings: IdentitySettings) {
  const [attempts, windowSeconds] = settings.LOGIN_RATE_LIMIT;
  return { attempts, windowSeconds };
}

export function signUpRateLimit(settings: IdentitySettings) {
  const [attempts, windowSeconds] = settings.SIGNUP_RATE_LIMIT;
  return { attempts, windowSeconds };
}
