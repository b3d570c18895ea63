import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type MailStatus = 'pending' | 'sent' | 'failed';

/**
 * One mail Starling was asked to send, keyed by its idempotency key: a redelivered
 * request finds its row and adds nothing. `data` is what the template needs, resolved
 * when the mail was asked for; `sealed` the link's token, sealed, opened only to send.
 * `text`/`html` are the copy shown to admins (see docs/notifications.md, "Email").
 */
export interface MailsTable {
  id: string;
  idempotency_key: string;
  template: string;
  to_user_id: string | null;
  /** Null until the recipient's address is known (the directory may lag the request). */
  to_address: string | null;
  subject: string;
  data: JSONColumnType<Record<string, unknown>>;
  sealed: string | null;
  /** The notification type the mail's unsubscribe link turns off ('all' for a digest), if it has one. */
  unsubscribe: string | null;
  status: ColumnType<MailStatus, MailStatus | undefined, MailStatus>;
  attempts: Generated<number>;
  error: string | null;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Set while a worker sends it; once past, another worker may take it. */
  lease_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  text: string;
  html: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A notification waiting for its recipient's next digest; `mail_key` is set once it is in one. */
export interface DigestItemsTable {
  notification_id: string;
  account_id: string;
  data: JSONColumnType<Record<string, unknown>>;
  created_at: ColumnType<Date, Date | string, never>;
  mail_key: string | null;
}

/** Each account's email preferences as they were last changed (unset types keep their default). */
export interface EmailPreferencesTable {
  account_id: string;
  settings: JSONColumnType<Record<string, string>>;
  /** The account's preferences stream version: the ETag. */
  version: number;
}

/** The mail tables, as the mail migration leaves them. */
export interface MailTables {
  mails: MailsTable;
  digest_items: DigestItemsTable;
  email_preferences: EmailPreferencesTable;
}
