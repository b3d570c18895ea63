import { setTimeout as sleep } from 'node:timers/promises';
import { unseal, type Loop, type ServiceContext } from '@starling/kit';
import { sql, type Selectable } from 'kysely';
import type { Counter } from 'prom-client';
import { attemptsCounter } from '../attempts.js';
import type { NotifyDb } from '../tables.js';
import { linksFor, messageIdOf, oneClickUrl, type MailEnvironment } from './store.js';
import type { MailsTable } from './tables.js';
import { renderMail, TOKEN_TEMPLATES } from './templates/index.js';
import { SendFailure, type MailTransport } from './transport.js';

type Claimed = Selectable<MailsTable>;

/**
 * Sends due mail, one at a time per worker; any number of workers share the table.
 *
 * A worker claims a mail by giving it a lease (`for update skip locked`, so two never
 * claim the same one) and counting the attempt, commits, sends, then marks it sent.
 * A worker killed mid-send leaves a lease that runs out, and another worker sends the
 * mail again. The one window where a mail can go twice is between the server accepting
 * it and the `sent` mark committing: a single-row update right after the answer. The
 * Message-ID is the same on both copies (it comes from the idempotency key).
 */
export function deliveryLoop(ctx: ServiceContext, env: MailEnvironment, transport: MailTransport): Loop {
  const db = ctx.db as NotifyDb;
  const { settings } = env;
  const attempts = mailAttempts(ctx);
  return {
    name: 'mail delivery',
    async run(signal) {
      try {
        while (!signal.aborted) {
          let mail: Claimed | undefined;
          try {
            mail = await claimNext(db, settings.MAIL_LEASE_SECONDS);
            if (mail) await deliver(mail);
          } catch (err) {
            // The database went away for a moment: the lease brings the mail back.
            ctx.log.error({ err, mail: mail?.id }, 'mail delivery failed');
          }
          if (!mail) await sleep(settings.MAIL_POLL_MS, undefined, { signal }).catch(() => undefined);
        }
      } finally {
        transport.close();
      }
    },
  };

  async function deliver(mail: Claimed): Promise<void> {
    // Notification mail (the kind with an unsubscribe link, or webhook_disabled) goes only
    // to the confirmed address it was meant for, of an account still there when it is sent.
    if (mail.template === 'notification' || mail.template === 'digest') {
      if (!(await stillWanted(mail))) {
        return fail(mail, 'not sent: the account was deleted or its address changed', 'dropped');
      }
    }
    const to = mail.to_address ?? (await addressOf(mail.to_user_id));
    if (!to) return retry(mail, new SendFailure('the recipient’s address is not known yet', false));
    let token: string | undefined;
    if (TOKEN_TEMPLATES.has(mail.template)) {
      const opened = mail.sealed ? unseal(env.sealKey, mail.sealed) : undefined;
      token = opened ? (JSON.parse(opened) as { token?: string }).token : undefined;
      if (!token) return fail(mail, 'the link’s token could not be opened (is MAIL_SEAL_KEY the same everywhere?)');
    }
    const rendered = renderMail(mail.template, mail.data, linksFor(env, mail, token));
    const oneClick = oneClickUrl(env, mail);
    const headers: Record<string, string> = oneClick
      ? { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : {};
    try {
      await transport.send(
        {
          from: settings.MAIL_FROM,
          to,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId: messageIdOf(mail.idempotency_key, settings.PUBLIC_URL),
          headers,
        },
        mail.idempotency_key.replace(/[^A-Za-z0-9._-]/g, '_'),
      );
    } catch (err) {
      if (!(err instanceof SendFailure)) throw err;
      return err.permanent ? fail(mail, err.message) : retry(mail, err);
    }
    // The folder holds the token anyway, so the admins' copy may show what was written.
    const shown = transport.kind === 'folder' ? { text: rendered.text, html: rendered.html } : {};
    await db
      .updateTable('mails')
      .set({ status: 'sent', sent_at: new Date(), lease_until: null, error: null, to_address: to, ...shown })
      .where('id', '=', mail.id)
      .execute();
    attempts.inc({ outcome: 'sent' });
    ctx.log.info({ mail: mail.id, template: mail.template }, 'mail sent');
  }

  async function stillWanted(mail: Claimed): Promise<boolean> {
    if (!mail.to_user_id) return false;
    const row = await db
      .selectFrom('accounts')
      .select(['email', 'email_verified', 'deleted'])
      .where('id', '=', mail.to_user_id)
      .executeTakeFirst();
    return !!row && !row.deleted && row.email_verified && row.email === mail.to_address;
  }

  async function addressOf(userId: string | null): Promise<string | undefined> {
    if (!userId) return undefined;
    const row = await db
      .selectFrom('accounts')
      .select(['email', 'deleted'])
      .where('id', '=', userId)
      .executeTakeFirst();
    return row && !row.deleted ? row.email : undefined;
  }

  async function retry(mail: Claimed, failure: SendFailure): Promise<void> {
    if (mail.attempts >= settings.MAIL_MAX_ATTEMPTS) return fail(mail, `gave up: ${failure.message}`);
    const wait = backoff(mail.attempts, settings.MAIL_RETRY_BASE_MS, settings.MAIL_RETRY_MAX_MS);
    await db
      .updateTable('mails')
      .set({ error: failure.message, lease_until: null, next_attempt_at: new Date(Date.now() + wait) })
      .where('id', '=', mail.id)
      .execute();
    attempts.inc({ outcome: 'retry' });
    ctx.log.warn({ mail: mail.id, attempts: mail.attempts, error: failure.message }, 'mail will be tried again');
  }

  async function fail(mail: Claimed, error: string, outcome: 'failed' | 'dropped' = 'failed'): Promise<void> {
    await db
      .updateTable('mails')
      .set({ status: 'failed', error, lease_until: null })
      .where('id', '=', mail.id)
      .execute();
    attempts.inc({ outcome });
    ctx.log.warn({ mail: mail.id, error }, 'mail failed for good');
  }
}

const OUTCOMES = ['sent', 'retry', 'failed', 'dropped'] as const;

/**
 * What came of each attempt: sent; retry (the server or the address was not there,
 * tried again later); failed (refused for good, given up after MAIL_MAX_ATTEMPTS, or
 * its link could not be opened); dropped (no longer wanted: the account went or its
 * address changed).
 */
function mailAttempts(ctx: ServiceContext): Counter<'outcome'> {
  return attemptsCounter(
    ctx,
    'starling_mail_attempts_total',
    'Mail delivery attempts by outcome: sent, retry, failed (for good) or dropped (no longer wanted)',
    OUTCOMES,
  );
}

/** Exponential, with jitter (half to all of it) so retries of many mails do not arrive together. */
export function backoff(attempts: number, baseMs: number, maxMs: number): number {
  const full = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(full / 2 + Math.random() * (full / 2));
}

/** Takes the next due mail nobody holds, holding it for `leaseSeconds`, and counts the attempt. */
async function claimNext(db: NotifyDb, leaseSeconds: number): Promise<Claimed | undefined> {
  const { rows } = await sql<Claimed>`
    update mails set lease_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1
    where id = (
      select id from mails
      where status = 'pending' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
      order by next_attempt_at, id
      limit 1
      for update skip locked)
    returning *`.execute(db);
  return rows[0];
}
