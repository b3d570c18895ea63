import { ConfigError, loadSettings, seconds, type Environment, publicUrl } from '@starling/kit';
import { z } from 'zod';

/** No line breaks or control characters: the value ends up in a mail header. */
const headerSafe = /^[^\r\n\0]+$/;

const milliseconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The mail settings (merged into the notify service's in ../settings.ts). SMTP_URL may
 * hold credentials: it is only handed to nodemailer, never logged or shown.
 */
export const mailSchema = z.object({
  /** smtp:// or smtps://user:password@host:port; unset means mail is written to MAIL_DIR as .eml files. */
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^\s/?#]+(\/[^\s]*)?$/,
      'must be an smtp:// or smtps:// URL, such as smtp://user:password@host:587',
    )
    .optional(),
  /** Where mail goes without SMTP_URL; DATA_DIR/mail unless set. */
  MAIL_DIR: z.string().min(1).optional(),
  MAIL_FROM: z
    .string()
    .regex(headerSafe, 'must be one line, such as Starling <no-reply@example.com>')
    .regex(/@/, 'must hold an address, such as Starling <no-reply@example.com>')
    .default('Starling <no-reply@localhost>'),
  /** The web app's origin: the links in mail point there. */
  PUBLIC_URL: publicUrl(),
  /** The first retry after a temporary failure waits about this long; each next one twice as long. */
  MAIL_RETRY_BASE_MS: milliseconds(30_000),
  /** The longest wait between two attempts. */
  MAIL_RETRY_MAX_MS: milliseconds(60 * 60 * 1000),
  /** After this many attempts a mail that still fails temporarily is marked failed. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  /** How long a worker holds a mail it is sending before another may take it (a crashed worker's). */
  MAIL_LEASE_SECONDS: seconds(120),
  /** The longest one SMTP exchange may take (connect, greeting, each answer). */
  MAIL_SEND_TIMEOUT_SECONDS: seconds(30),
  /** How often an idle worker looks for due mail. */
  MAIL_POLL_MS: milliseconds(1000),
  /** A digest gathers this many seconds of notifications (a day unless set). */
  MAIL_DIGEST_INTERVAL_SECONDS: seconds(24 * 60 * 60),
});

export type MailSettings = z.infer<typeof mailSchema>;

/** The mail settings, checked together as well as one by one. */
export function mailSettingsOf(env: Environment): MailSettings {
  const settings = loadSettings(mailSchema, env);
  if (settings.MAIL_LEASE_SECONDS <= settings.MAIL_SEND_TIMEOUT_SECONDS * 3)
    throw new ConfigError(
      `Invalid environment variable MAIL_LEASE_SECONDS=${settings.MAIL_LEASE_SECONDS}: must be more than three times MAIL_SEND_TIMEOUT_SECONDS, so a slow send keeps its mail`,
    );
  return settings;
}
