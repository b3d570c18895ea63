import { randomBytes } from 'node:crypto';
import { sealKeyOf, unseal } from '@starling/kit';
import { sql } from 'kysely';
import type { Starling } from './starling.js';

/** A MailRequested payload as identity recorded it. */
export interface MailRequest {
  mail_id: string;
  template: string;
  to_user_id: string;
  to_email?: string;
  data: Record<string, string>;
  sealed?: string;
}

/** A MAIL_SEAL_KEY of its own for a suite, so sealing keeps no key file in the working directory. */
export const freshSealKey = () => randomBytes(32).toString('base64url');

/** Anything with a running platform: a Starling from startStarling, or one a browser suite serves. */
type Running = Pick<Starling, 'platform'>;

const identityOf = (s: Running) => s.platform.contexts.find((c) => c.name === 'identity')!;

/** Every event in identity's log as stored, oldest first: what no secret may appear in. */
export async function identityEvents(s: Running): Promise<Array<{ type: string; data: unknown; metadata: unknown }>> {
  const { rows } = await sql<{ type: string; data: unknown; metadata: unknown }>`
    select type, data, metadata from events order by position`.execute(identityOf(s).db);
  return rows;
}

/** The mails identity asked for, oldest first, optionally only those of `template` to `userId`. */
export async function mailRequests(s: Running, template?: string, userId?: string): Promise<MailRequest[]> {
  return (await identityEvents(s))
    .filter((e) => e.type === 'MailRequested')
    .map((e) => e.data as MailRequest)
    .filter(
      (m) => (template === undefined || m.template === template) && (userId === undefined || m.to_user_id === userId),
    );
}

/** The token sealed in a mail request, opened as the mail sender opens it. */
export function tokenOf(s: Running, mail: MailRequest): string {
  const opened = unseal(sealKeyOf(identityOf(s).config), mail.sealed ?? '');
  if (opened === undefined) throw new Error(`mail ${mail.mail_id} carries no sealed token`);
  return (JSON.parse(opened) as { token: string }).token;
}

/** The token of the latest mail of `template` to `userId`. */
export async function latestToken(s: Running, template: string, userId: string): Promise<string> {
  const mail = (await mailRequests(s, template, userId)).at(-1);
  if (!mail) throw new Error(`no ${template} mail was requested for ${userId}`);
  return tokenOf(s, mail);
}
