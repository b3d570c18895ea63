import { appendToStream, newId, seal, type Db, type EventMetadata, type SealKey } from '@starling/kit';
import { MailRequested, newEvent, type PayloadOf } from '@starling/events';
import { secondsUntil, type AttemptCounters, type Limit } from '../attempt-counters.js';
import type { UserState } from '../domain/user.js';
import type { TokenPurpose } from '../tables.js';
import { keepToken, newToken } from './mailed-tokens.js';

/** Who a mail is for, as the account stands. */
export type Recipient = Pick<UserState, 'id' | 'username' | 'name' | 'email'>;

export interface AccountMailSettings {
  passwordResetTtl: number;
  emailConfirmationTtl: number;
  /** Mails of one kind an account is sent per window. */
  perAccount: Limit;
}

/**
 * The mail identity asks the notify service to send: a MailRequested event appended in
 * the caller's transaction, with a fresh token sealed inside it (only the mail sender
 * can open it) and only the token's hash kept here. Each request is a stream of its own
 * (`mail-<mail_id>`), so asking never moves the account's version, its ETag.
 */
export class AccountMail {
  constructor(
    private readonly sealKey: SealKey,
    private readonly counters: AttemptCounters,
    private readonly settings: AccountMailSettings,
  ) {}

  /**
   * Counts a mail of `purpose` to `recipient` (an account id, or the address asked
   * for), or answers how many seconds until one may go when it has had its share of the
   * window: a mailbox is never flooded.
   */
  async allow(purpose: TokenPurpose, recipient: string): Promise<{ retryAfter?: number }> {
    const key = `mail:${purpose}:${recipient}`;
    const current = (await this.counters.read([key])).get(key);
    if (current && current.count >= this.settings.perAccount.attempts) {
      return { retryAfter: secondsUntil(current.endsAt) };
    }
    await this.counters.count([key], this.settings.perAccount.windowSeconds);
    return {};
  }

  /** Mails a link that confirms `to.email` (the account's address, or the one it is changing to). */
  async confirmEmail(trx: Db, to: Recipient, metadata: EventMetadata = {}): Promise<void> {
    const token = newToken();
    await keepToken(trx, token, {
      userId: to.id,
      purpose: 'confirm-email',
      email: to.email,
      ttlSeconds: this.settings.emailConfirmationTtl,
    });
    await this.request(trx, metadata, {
      template: 'confirm-email',
      to_user_id: to.id,
      to_email: to.email,
      data: { username: to.username, name: to.name },
      sealed: seal(this.sealKey, JSON.stringify({ token })),
    });
  }

  /** Mails a link that sets a new password, to the account's current address. */
  async passwordReset(trx: Db, to: Recipient, metadata: EventMetadata = {}): Promise<void> {
    const token = newToken();
    const ttl = this.settings.passwordResetTtl;
    await keepToken(trx, token, { userId: to.id, purpose: 'password-reset', email: to.email, ttlSeconds: ttl });
    await this.request(trx, metadata, {
      template: 'password-reset',
      to_user_id: to.id,
      data: { username: to.username, name: to.name, expires_in_minutes: String(Math.ceil(ttl / 60)) },
      sealed: seal(this.sealKey, JSON.stringify({ token })),
    });
  }

  private async request(
    trx: Db,
    metadata: EventMetadata,
    mail: Omit<PayloadOf<typeof MailRequested>, 'mail_id'>,
  ): Promise<void> {
    const mailId = newId();
    await appendToStream(trx, `mail-${mailId}`, 0, [
      { ...newEvent(MailRequested, { mail_id: mailId, ...mail }), metadata },
    ]);
  }
}
