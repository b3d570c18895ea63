import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendToStream, newId, seal, sealKeyOf, type ServiceContext } from '@starling/kit';
import { EmailVerified, MailRequested, newEvent, UserDeleted } from '@starling/events';
import { grantAdmin } from '@starling/identity';
import { NotificationCreated, type NotificationType } from '../../services/notify/src/notifications/events.js';
import { expectProblem } from '../support/assertions.js';
import { contractChecker } from '../support/contract.js';
import { inEachStorageMode, PASSWORD, useStarling } from '../support/starling.js';
import { headerOf, startSmtpServer } from '../support/smtp.js';

/**
 * The confirmation identity asks for at every sign-up: its key is a bare id, where this
 * suite's own requests name what they are (`confirm-…`, `notification-…`). The suite
 * leaves them out, so each test sees only the mail it asked for.
 */
const signUpMail = (key: string | undefined) => /^<?[0-9A-HJKMNP-TV-Z]{26}(@|$)/.test(key ?? '');

inEachStorageMode('mail', (mode) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const env: Record<string, string> = {
    PUBLIC_URL: 'https://starling.test',
    MAIL_POLL_MS: '50',
    MAIL_RETRY_BASE_MS: '100',
    MAIL_RETRY_MAX_MS: '400',
    MAIL_DIGEST_INTERVAL_SECONDS: '2',
  };
  beforeAll(async () => {
    // The server refuses for a while, or for good, those named to see retries and failures.
    smtp = await startSmtpServer(
      (to, attempt) => {
        if (to.startsWith('ml_busy') && attempt <= 2) return { code: 451, message: '4.3.0 Try again later' };
        if (to.startsWith('ml_gone')) return { code: 550, message: '5.1.1 No such mailbox here' };
        return undefined;
      },
      (mail) => !signUpMail(mail.messageId ?? ''),
    );
    env.SMTP_URL = smtp.url;
  });
  afterAll(async () => smtp?.close());
  const s = useStarling(mode, env);

  const contextOf = (name: string): ServiceContext => s.platform.contexts.find((c) => c.name === name)!;

  /** Appends events as the service `name` would, and wakes the consumers. */
  async function append(name: string, events: ReturnType<typeof newEvent>[]) {
    await contextOf(name).write((trx) => appendToStream(trx, `test-${randomUUID()}`, 0, events));
    s.platform.bus.notify();
    await s.platform.bus.drain();
  }

  /** A user whose address is confirmed (as identity's EmailVerified says). */
  async function verifiedUser(username: string) {
    const user = await s.signUp(username);
    await append('identity', [newEvent(EmailVerified, { user_id: user.id, email: `${username}@example.com` })]);
    return { ...user, email: `${username}@example.com` };
  }

  async function notify(recipientId: string, type: NotificationType, actorId?: string) {
    const notificationId = newId();
    await append('notify', [
      newEvent(NotificationCreated, {
        notification_id: notificationId,
        recipient_id: recipientId,
        type,
        ...(actorId ? { actor_id: actorId } : {}),
      }),
    ]);
    return notificationId;
  }

  let adminToken: string | undefined;
  async function admin() {
    if (adminToken) return adminToken;
    await s.signUp('ml_root');
    const identity = contextOf('identity');
    await grantAdmin(identity.write, identity.db, 'ml_root');
    const login = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      json: { username: 'ml_root', password: PASSWORD },
    });
    adminToken = login.json().access_token as string;
    return adminToken;
  }

  interface MailRow {
    id: string;
    to: string;
    template: string;
    subject: string;
    status: string;
    attempts: number;
    error?: string;
    idempotency_key: string;
  }
  let expectContract: ReturnType<typeof contractChecker> | undefined;
  async function mailTo(address: string): Promise<MailRow[]> {
    expectContract ??= contractChecker((await s.request({ url: '/openapi.json' })).json());
    const res = await s.request({ url: '/api/v2/mail?limit=100', token: await admin() });
    expect(res.statusCode, res.body).toBe(200);
    expectContract('GET', '/api/v2/mail?limit=100', res);
    return (res.json().mail as MailRow[]).filter((m) => m.to === address && !signUpMail(m.idempotency_key));
  }
  async function waitForMail(address: string, done: (rows: MailRow[]) => boolean): Promise<MailRow[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const rows = await mailTo(address);
      if (done(rows)) return rows;
      if (Date.now() > deadline) throw new Error(`mail to ${address}: ${JSON.stringify(rows)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  function requestMail(userId: string, mailId: string, template: string, token: string, toEmail?: string) {
    const sealed = seal(sealKeyOf(contextOf('notify').config), JSON.stringify({ token }));
    return newEvent(MailRequested, {
      mail_id: mailId,
      template,
      to_user_id: userId,
      ...(toEmail ? { to_email: toEmail } : {}),
      data: { username: 'ml_cat', name: 'Cat <b>Stevens</b>', expires_in_minutes: '30' },
      sealed,
    });
  }

  it('sends the confirmation mail once, however often it is asked for, with the link and its token', async () => {
    const cat = await s.signUp('ml_cat');
    const mailId = `confirm-${newId()}`;
    const event = requestMail(cat.id, mailId, 'confirm-email', 'tok-123', 'ml_cat@example.com');
    // The same request delivered twice (a redelivery) and once more later.
    await append('identity', [event, event]);
    await append('identity', [event]);
    const [mail] = await smtp.waitFor('ml_cat@example.com');
    expect(mail!.parsed.subject).toBe('Confirm your email address for Starling');
    expect(mail!.messageId).toBe(`<${mailId}@starling.test>`);
    expect(mail!.parsed.text).toContain('https://starling.test/verify-email?token=tok-123');
    expect(mail!.parsed.html).toContain('Cat &lt;b&gt;Stevens&lt;/b&gt;');
    expect(headerOf(mail!, 'List-Unsubscribe')).toBeUndefined();

    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received.filter((m) => m.to === 'ml_cat@example.com')).toHaveLength(1);
    const rows = await waitForMail('ml_cat@example.com', (r) => r[0]?.status === 'sent');
    expect(rows).toEqual([
      expect.objectContaining({ template: 'confirm-email', status: 'sent', attempts: 1, idempotency_key: mailId }),
    ]);
    // The admins' copy does not hold the token: nobody takes over an account from the list.
    const shown = await s.request({ url: `/api/v2/mail/${rows[0]!.id}`, token: await admin() });
    expect(shown.statusCode).toBe(200);
    expectContract!('GET', `/api/v2/mail/${rows[0]!.id}`, shown);
    expect(shown.json().text).toContain('https://starling.test/verify-email?token=WITHHELD');
    expect(shown.body).not.toContain('tok-123');
  });

  it('sends a password reset to the account’s address with its link', async () => {
    const dan = await s.signUp('ml_dan');
    await append('identity', [requestMail(dan.id, `reset-${newId()}`, 'password-reset', 'reset-456')]);
    const [mail] = await smtp.waitFor('ml_dan@example.com');
    expect(mail!.parsed.text).toContain('https://starling.test/reset-password?token=reset-456');
    expect(mail!.parsed.text).toContain('30 minutes');
  });

  it('mails a notification at once by default, with a one-click unsubscribe that needs no login', async () => {
    const ada = await verifiedUser('ml_ada');
    const bob = await s.signUp('ml_bob');
    const notificationId = await notify(ada.id, 'follow', bob.id);
    const [mail] = await smtp.waitFor(ada.email);
    expect(mail!.parsed.subject).toBe('ml_bob (@ml_bob) followed you on Starling');
    expect(mail!.messageId).toBe(`<notification-${notificationId}@starling.test>`);
    expect(headerOf(mail!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const link = /^<(https:\/\/starling\.test\/api\/v2\/mail\/unsubscribe\?token=[^>]+)>$/.exec(
      headerOf(mail!, 'List-Unsubscribe') ?? '',
    )?.[1];
    expect(link).toBeDefined();
    // The body's link leads to the web app's page, which asks before it unsubscribes.
    expect(mail!.parsed.text).toContain(
      `https://starling.test/unsubscribe?token=${new URL(link!).searchParams.get('token')}`,
    );
    const scanned = await s.request({ url: `${new URL(link!).pathname}${new URL(link!).search}` });
    expect(scanned.statusCode).not.toBe(200);

    // As a mail client does it (RFC 8058): a form POST to the link, no cookie, no token.
    const url = new URL(link!);
    const res = await s.request({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ types: ['follow'] });
    expectContract ??= contractChecker((await s.request({ url: '/openapi.json' })).json());
    expectContract('POST', `${url.pathname}${url.search}`, res);
    const again = await s.request({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(again.statusCode, again.body).toBe(200);

    const prefs = await s.request({ url: '/api/v2/notifications/preferences', token: ada.token });
    expect(prefs.json().email).toMatchObject({ follow: 'off', mention: 'immediate' });

    // Followed again: no mail now, while a mention still is.
    await notify(ada.id, 'follow', bob.id);
    await notify(ada.id, 'mention', bob.id);
    const rows = await waitForMail(ada.email, (r) => r.length >= 2 && r.every((m) => m.status === 'sent'));
    expect(rows.map((m) => m.subject)).toEqual([
      'ml_bob (@ml_bob) mentioned you on Starling',
      'ml_bob (@ml_bob) followed you on Starling',
    ]);
  });

  it('refuses an unsubscribe token it did not make', async () => {
    const res = await s.request({
      method: 'POST',
      url: '/api/v2/mail/unsubscribe?token=bWU6YWxs.forged',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expectProblem(res, 400);
    expect(res.body).toContain('token');
  });

  it('mails nothing for a type turned off, nor to an unconfirmed address', async () => {
    const eve = await verifiedUser('ml_eve');
    const fay = await s.signUp('ml_fay');
    await notify(eve.id, 'like', fay.id);
    await notify(fay.id, 'follow', eve.id);
    expect(await mailTo(eve.email)).toEqual([]);
    expect(await mailTo('ml_fay@example.com')).toEqual([]);
  });

  it('gathers notifications set to digest into one mail per interval', async () => {
    const gus = await verifiedUser('ml_gus');
    const hal = await s.signUp('ml_hal');
    const put = await s.request({
      method: 'PUT',
      url: '/api/v2/notifications/preferences',
      token: gus.token,
      json: { email: { like: 'digest', repost: 'digest' } },
    });
    expect(put.statusCode, put.body).toBe(200);
    await notify(gus.id, 'like', hal.id);
    await notify(gus.id, 'repost', hal.id);
    const [digest] = await smtp.waitFor(gus.email);
    expect(digest!.parsed.subject).toBe('Your Starling digest: 2 new notifications');
    expect(digest!.parsed.text).toContain('ml_hal (@ml_hal) liked your tweet');
    expect(digest!.parsed.text).toContain('ml_hal (@ml_hal) reposted your tweet');
    expect(headerOf(digest!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(headerOf(digest!, 'List-Unsubscribe')).toMatch(
      /^<https:\/\/starling\.test\/api\/v2\/mail\/unsubscribe\?token=/,
    );
    await new Promise((r) => setTimeout(r, 2500));
    expect(smtp.received.filter((m) => m.to === gus.email)).toHaveLength(1);
  });

  it('sends no digest to an account deleted before it was due', async () => {
    const lea = await verifiedUser('ml_lea');
    const max = await s.signUp('ml_max');
    const put = await s.request({
      method: 'PUT',
      url: '/api/v2/notifications/preferences',
      token: lea.token,
      json: { email: { like: 'digest' } },
    });
    expect(put.statusCode, put.body).toBe(200);
    await notify(lea.id, 'like', max.id);
    await append('identity', [newEvent(UserDeleted, { user_id: lea.id, username: 'ml_lea' })]);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await mailTo(lea.email)).toEqual([]);
    expect(smtp.received.filter((m) => m.to === lea.email)).toEqual([]);
  });

  it('tries again after a 4xx answer and delivers once, the attempts recorded', async () => {
    const ivy = await s.signUp('ml_busy_ivy');
    await append('identity', [
      requestMail(ivy.id, `confirm-${newId()}`, 'confirm-email', 't', 'ml_busy_ivy@example.com'),
    ]);
    await smtp.waitFor('ml_busy_ivy@example.com');
    const rows = await waitForMail('ml_busy_ivy@example.com', (r) => r[0]?.status === 'sent');
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 3 });
    expect(smtp.attempts.get('ml_busy_ivy@example.com')).toBe(3);
    expect(smtp.received.filter((m) => m.to === 'ml_busy_ivy@example.com')).toHaveLength(1);
  });

  it('marks a mail failed on a 5xx answer, with the server’s words, and does not retry', async () => {
    const jon = await s.signUp('ml_gone_jon');
    await append('identity', [
      requestMail(jon.id, `confirm-${newId()}`, 'confirm-email', 't', 'ml_gone_jon@example.com'),
    ]);
    const rows = await waitForMail('ml_gone_jon@example.com', (r) => r[0]?.status === 'failed');
    expect(rows[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(rows[0]!.error).toContain('No such mailbox here');
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.attempts.get('ml_gone_jon@example.com')).toBe(1);
  });

  it('shows the mail list to admins only', async () => {
    const kim = await s.signUp('ml_kim');
    const list = await s.request({ url: '/api/v2/mail', token: kim.token });
    expectProblem(list, 403);
    const one = await s.request({ url: '/api/v2/mail/anything', token: kim.token });
    expectProblem(one, 403);
    expectProblem(await s.request({ url: '/api/v2/mail' }), 401);
  });

  it('pages the mail list with a cursor', async () => {
    const token = await admin();
    const first = await s.request({ url: '/api/v2/mail?limit=1', token });
    expect(first.statusCode).toBe(200);
    expect(first.json().mail).toHaveLength(1);
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1];
    expect(next).toBeDefined();
    const second = await s.request({ url: next!, token });
    expect(second.json().mail).toHaveLength(1);
    expect(second.json().mail[0].id < first.json().mail[0].id).toBe(true);
  });
});
