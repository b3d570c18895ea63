import { loadSettings, perWindow, seconds, type Environment } from '@starling/kit';
import { z } from 'zod';

/** Identity's settings: cookies, the token signing key, and how much guessing it allows. */
const schema = z.object({
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  AUTH_SIGNING_KEY: z.string().optional(),
  /** Failed logins per client address (and, slowed, per account). */
  LOGIN_RATE_LIMIT: perWindow('ATTEMPTS', '10/300'),
  /** Sign-ups per client address: each one costs a 32 MiB password hash. */
  SIGNUP_RATE_LIMIT: perWindow('SIGN-UPS', '20/3600'),
  /** How long a mailed password-reset link works. */
  PASSWORD_RESET_TTL: seconds(3600),
  /** How long a mailed email-confirmation link works. */
  EMAIL_CONFIRMATION_TTL: seconds(7 * 24 * 3600),
  /** Password-reset requests per client address, whatever address they name. */
  PASSWORD_RESET_RATE_LIMIT: perWindow('REQUESTS', '10/3600'),
  /** Mails of each kind (reset, confirmation) one account is sent: a mailbox is never flooded. */
  ACCOUNT_MAIL_RATE_LIMIT: perWindow('MAILS', '3/3600'),
  /**
   * How long an access token issued to a third-party app (OAuth 2) works. Long, since many
   * Mastodon apps never refresh; revoking the app's authorization ends it at once anyway.
   */
  OAUTH_ACCESS_TOKEN_TTL: seconds(30 * 24 * 3600),
  /** Whether apps may trade a username and password for a token (the `password` grant): for tests only. */
  OAUTH_PASSWORD_GRANT: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
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

export function passwordResetRateLimit(settings: IdentitySettings) {
  const [attempts, windowSeconds] = settings.PASSWORD_RESET_RATE_LIMIT;
  return { attempts, windowSeconds };
}

export function accountMailRateLimit(settings: IdentitySettings) {
  const [attempts, windowSeconds] = settings.ACCOUNT_MAIL_RATE_LIMIT;
  return { attempts, windowSeconds };
}
