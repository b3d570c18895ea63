import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { MailSettings } from './settings.js';

/** A message as the sender hands it over. */
export interface Outgoing {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/** Why an attempt failed, and whether trying again could help. */
export class SendFailure extends Error {
  override name = 'SendFailure';
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * Where mail goes: an SMTP server (SMTP_URL), or, without one, a folder of `.eml` files
 * (MAIL_DIR, DATA_DIR/mail unless set), each named after the mail's key so writing it
 * again replaces it rather than adding a second.
 */
export interface MailTransport {
  kind: 'smtp' | 'folder';
  send(message: Outgoing, fileName: string): Promise<void>;
  close(): void;
}

const require = createRequire(import.meta.url);

/**
 * nodemailer, loaded when the first mail goes out: some 15 MB and a good part of a
 * start in every process that runs notify, most of which never send one.
 */
const nodemailer = (): typeof Nodemailer => require('nodemailer');

/** `make()` on the first call, the same thing after; `made` is it once made. */
function once<T>(make: () => T): (() => T) & { made?: T } {
  const get = (() => (get.made ??= make())) as (() => T) & { made?: T };
  return get;
}

export function openTransport(settings: MailSettings, dataDir: string, log: Logger): MailTransport {
  if (settings.SMTP_URL) return smtpTransport(settings);
  const dir = settings.MAIL_DIR ?? (dataDir.startsWith('memory://') ? undefined : join(dataDir, 'mail'));
  if (dir) log.info({ dir }, 'no SMTP_URL: mail is written to a folder, not sent');
  return folderTransport(dir);
}

function smtpTransport(settings: MailSettings): MailTransport {
  const timeout = settings.MAIL_SEND_TIMEOUT_SECONDS * 1000;
  // One connection per mail: nothing held open between mails that a crash could leave
  // half-written, and each worker sends one mail at a time anyway. The URL (which may
  // hold credentials) goes to nodemailer only; its logger stays off.
  const transport = once(() =>
    nodemailer().createTransport({
      url: settings.SMTP_URL,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      logger: false,
      debug: false,
    }),
  );
  return {
    kind: 'smtp',
    async send(message) {
      try {
        await transport().sendMail(message);
      } catch (err) {
        throw classify(err);
      }
    },
    close: () => transport.made?.close(),
  };
}

/** 5xx answers are final; 4xx answers and connection failures may pass on a later attempt. */
function classify(err: unknown): SendFailure {
  const e = err as { responseCode?: number; response?: string; code?: string; message?: string };
  if (typeof e.responseCode === 'number') {
    const answer = (e.response ?? e.message ?? '').slice(0, 500);
    return new SendFailure(answer || `SMTP ${e.responseCode}`, e.responseCode >= 500);
  }
  return new SendFailure(`${e.code ?? 'error'}: ${(e.message ?? String(err)).slice(0, 300)}`, false);
}

function folderTransport(dir: string | undefined): MailTransport {
  const builder = once(() => nodemailer().createTransport({ streamTransport: true, buffer: true, newline: 'unix' }));
  return {
    kind: 'folder',
    async send(message, fileName) {
      const built = await builder().sendMail(message);
      // Without a folder (an in-memory test instance) the admins' list is the only copy.
      if (!dir) return;
      await mkdir(dir, { recursive: true });
      // Written whole, then renamed: a reader never sees half a mail.
      const path = join(dir, `${fileName}.eml`);
      await writeFile(`${path}.tmp`, built.message as Buffer);
      await rename(`${path}.tmp`, path);
    },
    close: () => builder.made?.close(),
  };
}
