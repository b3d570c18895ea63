import { renderAccountMail } from './account.js';
import { renderDigest } from './digest.js';
import { renderNotification } from './notification.js';

/** A mail ready to send: its subject (one line) and both bodies. */
export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

/**
 * What a template's links are made of. `token` is the secret a confirm-email or
 * password-reset link carries (or a placeholder for the copy admins see);
 * `unsubscribeUrl` is the web app's unsubscribe page for a notification or digest mail
 * (its `List-Unsubscribe` header holds the API's one-click URL instead).
 */
export interface Links {
  publicUrl: string;
  token?: string;
  unsubscribeUrl?: string;
}

export type MailData = Record<string, unknown>;

export class UnknownTemplate extends Error {
  override name = 'UnknownTemplate';
}

/** Templates by id: those other services ask for by `MailRequested`, and notify's own. */
export function renderMail(template: string, data: MailData, links: Links): Rendered {
  switch (template) {
    case 'confirm-email':
    case 'password-reset':
      return renderAccountMail(template, data, links);
    case 'notification':
      return renderNotification(data, links);
    case 'digest':
      return renderDigest(data, links);
    default:
      throw new UnknownTemplate(`There is no mail template "${template}".`);
  }
}

/** The templates a service may ask for by `MailRequested`. */
export const REQUESTABLE_TEMPLATES: ReadonlySet<string> = new Set(['confirm-email', 'password-reset']);

/** Templates whose link carries a sealed token. */
export const TOKEN_TEMPLATES: ReadonlySet<string> = new Set(['confirm-email', 'password-reset']);
