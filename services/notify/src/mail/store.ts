import { createHash } from 'node:crypto';
import { newId, type SealKey } from '@starling/kit';
import type { NotifyDb } from '../tables.js';
import type { MailSettings } from './settings.js';
import { renderMail, UnknownTemplate, type Links, type MailData } from './templates/index.js';
import { unsubscribeToken, type UnsubscribeScope } from './unsubscribe-token.js';

/** What the copy admins see has in place of a link's token when mail goes out by SMTP. */
export const WITHHELD_TOKEN = 'WITHHELD';

export interface MailRequest {
  /** The idempotency key: a second request with the same key adds nothing. */
  key: string;
  template: string;
  toUserId: string | null;
  toAddress: string | null;
  data: MailData;
  sealed?: string | null;
  unsubscribe?: UnsubscribeScope | null;
}

export interface MailEnvironment {
  settings: MailSettings;
  sealKey: SealKey;
}

/** A template's links for a mail to `toUserId`, with `token` in its link (if it has one). */
export function linksFor(
  env: MailEnvironment,
  mail: { to_user_id: string | null; unsubscribe: string | null },
  token?: string,
): Links {
  const publicUrl = env.settings.PUBLIC_URL;
  const links: Links = { publicUrl, ...(token !== undefined ? { token } : {}) };
  const pageToken = unsubscribeTokenOf(env, mail);
  // People follow the link in the body to a page that asks before it unsubscribes.
  if (pageToken) links.unsubscribeUrl = `${publicUrl}/unsubscribe?token=${pageToken}`;
  return links;
}

/** The RFC 8058 one-click URL (the `List-Unsubscribe` header's), or undefined for mail without one. */
export function oneClickUrl(env: MailEnvironment, mail: { to_user_id: string | null; unsubscribe: string | null }) {
  const token = unsubscribeTokenOf(env, mail);
  return token ? `${env.settings.PUBLIC_URL}/api/v2/mail/unsubscribe?token=${token}` : undefined;
}

function unsubscribeTokenOf(env: MailEnvironment, mail: { to_user_id: string | null; unsubscribe: string | null }) {
  if (!mail.unsubscribe || !mail.to_user_id) return undefined;
  return unsubscribeToken(env.sealKey, mail.to_user_id, mail.unsubscribe as UnsubscribeScope);
}

/**
 * The mail's Message-ID, from its idempotency key: the same on every attempt, so a
 * receiver (and a test) can tell a mail sent twice in the crash window from two mails.
 */
export function messageIdOf(key: string, publicUrl: string): string {
  const local = /^[A-Za-z0-9._-]{1,200}$/.test(key) ? key : createHash('sha256').update(key).digest('hex');
  return `<${local}@${new URL(publicUrl).hostname}>`;
}

/**
 * Records a mail to send, rendered for the admins' list (a link's token withheld);
 * it is rendered again with the token when it is sent. Nothing happens for a key
 * already recorded. An unknown template is recorded as failed, so it is seen.
 */
export async function enqueueMail(db: NotifyDb, env: MailEnvironment, request: MailRequest): Promise<void> {
  const row = { to_user_id: request.toUserId, unsubscribe: request.unsubscribe ?? null };
  let shown: { subject: string; text: string; html: string };
  let error: string | null = null;
  try {
    shown = renderMail(request.template, request.data, linksFor(env, row, WITHHELD_TOKEN));
  } catch (err) {
    if (!(err instanceof UnknownTemplate)) throw err;
    shown = { subject: `(${request.template})`, text: '', html: '' };
    error = err.message;
  }
  await db
    .insertInto('mails')
    .values({
      id: newId(),
      idempotency_key: request.key,
      template: request.template,
      to_user_id: request.toUserId,
      to_address: request.toAddress,
      subject: shown.subject,
      data: JSON.stringify(request.data),
      sealed: request.sealed ?? null,
      unsubscribe: row.unsubscribe,
      status: error ? 'failed' : 'pending',
      error,
      text: shown.text,
      html: shown.html,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}
