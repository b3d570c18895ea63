import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { appendToStream, newId, seal, sealKeyOf } from '@starling/kit';
import { MailRequested, newEvent } from '@starling/events';
import { mailSettingsOf } from '../../services/notify/src/mail/settings.js';
import { enqueueMail } from '../../services/notify/src/mail/store.js';
import type { NotifyDb } from '../../services/notify/src/tables.js';
import { startSmtpServer } from '../support/smtp.js';
import { modeIsAvailable, modeTitle, startStarling, storageModes, type Starling } from '../support/starling.js';

const postgres = storageModes.find((m) => m.postgres)!;

/**
 * Two processes on one database, each running the mail delivery loop, as replicas of
 * notify-worker: every mail goes out once, and a mail whose worker died mid-send is
 * taken over when its lease runs out.
 */
describe.skipIf(!modeIsAvailable(postgres))(`mail delivery across replicas on ${modeTitle(postgres)}`, () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let a: Starling;
  let b: Starling;
  const env: Record<string, string> = {
    PUBLIC_URL: 'https://starling.test',
    MAIL_POLL_MS: '20',
    MAIL_SEND_TIMEOUT_SECONDS: '1',
    MAIL_LEASE_SECONDS: '4',
  };
  beforeAll(async () => {
    smtp = await startSmtpServer();
    env.SMTP_URL = smtp.url;
    a = await startStarling(postgres, env);
    b = await startStarling(postgres, env, { databaseUrl: a.databaseUrl! });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await smtp?.close();
  });

  const identityOf = (s: Starling) => s.platform.contexts.find((c) => c.name === 'identity')!;
  const notifyOf = (s: Starling) => s.platform.contexts.find((c) => c.name === 'notify')!;

  it('sends each of many mails once between two workers', async () => {
    const identity = identityOf(a);
    const sealed = seal(sealKeyOf(identity.config), JSON.stringify({ token: 't' }));
    const ids = Array.from({ length: 60 }, () => `confirm-${newId()}`);
    await identity.write((trx) =>
      appendToStream(
        trx,
        `test-${newId()}`,
        0,
        ids.map((mailId, i) =>
          newEvent(MailRequested, {
            mail_id: mailId,
            template: 'confirm-email',
            to_user_id: `user-${i}`,
            to_email: 'many@example.com',
            data: { username: `user${i}`, name: `User ${i}` },
            sealed,
          }),
        ),
      ),
    );
    a.platform.bus.notify();
    await smtp.waitFor('many@example.com', ids.length, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    const received = smtp.received.filter((m) => m.to === 'many@example.com').map((m) => m.messageId);
    expect(received).toHaveLength(ids.length);
    expect(new Set(received)).toEqual(new Set(ids.map((id) => `<${id}@starling.test>`)));
    const db = notifyOf(a).db as NotifyDb;
    const { rows } = await sql<{ attempts: number; n: number }>`
      select attempts, count(*)::int as n from mails where to_address = 'many@example.com' group by attempts`.execute(
      db,
    );
    expect(rows).toEqual([{ attempts: 1, n: ids.length }]);
  });

  it('takes over a mail whose worker died mid-send once its lease runs out', async () => {
    const notify = notifyOf(a);
    const key = `confirm-${newId()}`;
    const sealed = seal(sealKeyOf(notify.config), JSON.stringify({ token: 'lease' }));
    const leasedAt = Date.now();
    // As a worker leaves a mail it claimed when it is killed: leased, one attempt counted, not sent.
    await notify.db.transaction().execute(async (trx) => {
      await enqueueMail(
        trx as NotifyDb,
        { settings: mailSettingsOf(env), sealKey: sealKeyOf(notify.config) },
        {
          key,
          template: 'confirm-email',
          toUserId: 'someone',
          toAddress: 'orphan@example.com',
          data: { username: 'orphan', name: 'Orphan' },
          sealed,
        },
      );
      await sql`update mails set lease_until = now() + interval '3 seconds', attempts = 1
        where idempotency_key = ${key}`.execute(trx);
    });
    const [mail] = await smtp.waitFor('orphan@example.com', 1, 15_000);
    expect(Date.now() - leasedAt).toBeGreaterThanOrEqual(2500);
    expect(mail!.messageId).toBe(`<${key}@starling.test>`);
    const { rows } = await sql<{ status: string; attempts: number }>`
      select status, attempts from mails where idempotency_key = ${key}`.execute(notify.db);
    expect(rows).toEqual([{ status: 'sent', attempts: 2 }]);
  });
});
