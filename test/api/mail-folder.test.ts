import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, expect, it } from 'vitest';
import { appendToStream, newId, seal, sealKeyOf } from '@starling/kit';
import { MailRequested, newEvent } from '@starling/events';
import { grantAdmin } from '@starling/identity';
import { inEachStorageMode, PASSWORD, useStarling } from '../support/starling.js';

inEachStorageMode('mail without SMTP_URL', (mode) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'starling-mail-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // MAIL_DIR unset (empty), so mail goes where it does by default: DATA_DIR/mail.
  const s = useStarling(mode, {
    DATA_DIR: dataDir,
    MAIL_DIR: '',
    MAIL_POLL_MS: '50',
    PUBLIC_URL: 'https://starling.test',
  });

  it('writes each mail as an .eml file under DATA_DIR/mail and lists it for admins', async () => {
    const ada = await s.signUp('mf_ada');
    const identity = s.platform.contexts.find((c) => c.name === 'identity')!;
    const mailId = `confirm-${newId()}`;
    const sealed = seal(sealKeyOf(identity.config), JSON.stringify({ token: 'folder-token' }));
    const event = newEvent(MailRequested, {
      mail_id: mailId,
      template: 'confirm-email',
      to_user_id: ada.id,
      to_email: 'mf_ada@example.com',
      data: { username: 'mf_ada', name: 'Ada' },
      sealed,
    });
    await identity.write((trx) => appendToStream(trx, `test-${mailId}`, 0, [event, event]));
    s.platform.bus.notify();

    const file = join(dataDir, 'mail', `${mailId}.eml`);
    const deadline = Date.now() + 15_000;
    while (!readdirSync(dataDir).includes('mail') || !readdirSync(join(dataDir, 'mail')).includes(`${mailId}.eml`)) {
      if (Date.now() > deadline) throw new Error('no .eml file was written');
      await new Promise((r) => setTimeout(r, 50));
    }
    const eml = readFileSync(file, 'utf8');
    expect(eml).toContain('To: mf_ada@example.com');
    expect(eml).toContain(`Message-ID: <${mailId}@starling.test>`);
    expect((await simpleParser(eml)).text).toContain('https://starling.test/verify-email?token=folder-token');
    expect(readdirSync(join(dataDir, 'mail')).filter((f) => f.startsWith(mailId))).toEqual([`${mailId}.eml`]);

    await grantAdmin(identity.write, identity.db, 'mf_ada');
    const login = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      json: { username: 'mf_ada', password: PASSWORD },
    });
    const token = login.json().access_token as string;
    const list = await s.request({ url: '/api/v2/mail', token });
    const mail = (list.json().mail as Array<{ id: string; idempotency_key: string; status: string }>).filter(
      (m) => m.idempotency_key === mailId,
    );
    expect(mail).toEqual([expect.objectContaining({ status: 'sent', to: 'mf_ada@example.com' })]);
    // The folder holds the link anyway, so the list shows the mail as it was written.
    const one = await s.request({ url: `/api/v2/mail/${mail[0]!.id}`, token });
    expect(one.json().text).toContain('verify-email?token=folder-token');
  });
});
