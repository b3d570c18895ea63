import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectProblem } from '../support/assertions.js';
import { freshSealKey } from '../support/mail-requests.js';
import { startSmtpServer, type Received } from '../support/smtp.js';
import { inEachStorageMode, PASSWORD, useStarling } from '../support/starling.js';

/*
 * Sign-up confirmation and password reset end to end: the mail arrives at a real SMTP
 * server, and the test follows the link it carries, as the reader of the mail would.
 */
inEachStorageMode('account mail through SMTP', (mode) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const env: Record<string, string> = {
    PUBLIC_URL: 'https://starling.test',
    MAIL_SEAL_KEY: freshSealKey(),
    MAIL_POLL_MS: '50',
    MAIL_RETRY_BASE_MS: '100',
    MAIL_RETRY_MAX_MS: '400',
  };
  beforeAll(async () => {
    smtp = await startSmtpServer();
    env.SMTP_URL = smtp.url;
  });
  afterAll(async () => smtp?.close());
  const s = useStarling(mode, env);

  const login = (username: string, password: string) =>
    s.request({ method: 'POST', url: '/api/v1/auth/login', json: { username, password } });

  /** The token of the link to `page` in a received mail, the same in its text and its HTML. */
  function linkToken(mail: Received, page: string): string {
    const pattern = new RegExp(`https://starling\\.test/${page}\\?token=([A-Za-z0-9_-]+)`);
    const inText = pattern.exec(mail.parsed.text ?? '')?.[1];
    const inHtml = pattern.exec(typeof mail.parsed.html === 'string' ? mail.parsed.html : '')?.[1];
    expect(inText, mail.parsed.text).toBeDefined();
    expect(inHtml).toBe(inText);
    return inText!;
  }

  it('sign-up mails a confirmation; following its link confirms the address', async () => {
    const created = await s.request({
      method: 'POST',
      url: '/api/v1/users',
      json: { username: 'am_ada', name: 'Ada <Lovelace>', email: 'am_ada@example.com', password: PASSWORD },
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = (await login('am_ada', PASSWORD)).json().access_token as string;
    const me = async () => (await s.request({ url: '/api/v1/auth/me', token })).json();
    expect(await me()).toMatchObject({ email: 'am_ada@example.com', email_verified: false });

    const [mail] = await smtp.waitFor('am_ada@example.com');
    expect(mail!.parsed.subject).toBe('Confirm your email address for Starling');
    expect(mail!.parsed.text).toBeTruthy();
    expect(mail!.parsed.html).toBeTruthy();
    // The name is the user's own words: escaped in the HTML.
    expect(mail!.parsed.html).toContain('Ada &lt;Lovelace&gt;');
    const link = linkToken(mail!, 'verify-email');

    const done = await s.request({
      method: 'POST',
      url: '/api/v1/auth/email_confirmation/confirm',
      json: { token: link },
    });
    expect(done.statusCode, done.body).toBe(204);
    expect(await me()).toMatchObject({ email: 'am_ada@example.com', email_verified: true });
    expectProblem(
      await s.request({ method: 'POST', url: '/api/v1/auth/email_confirmation/confirm', json: { token: link } }),
      400,
      ['token'],
    );
    // One confirmation mail, however the events were delivered.
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.filter((m) => m.to === 'am_ada@example.com')).toHaveLength(1);
  });

  it('a password reset mail’s link sets a new password, once', async () => {
    await s.signUp('am_bo');
    const asked = await s.request({
      method: 'POST',
      url: '/api/v1/auth/password_reset',
      json: { email: 'am_bo@example.com' },
    });
    expect(asked.statusCode).toBe(202);
    // Sign-up mailed a confirmation first; the reset is the second mail.
    const resets = await smtp.waitFor('am_bo@example.com', 2);
    const mail = resets.find((m) => m.parsed.text?.includes('/reset-password?token='));
    expect(mail, resets.map((m) => m.parsed.subject).join(', ')).toBeDefined();
    expect(mail!.parsed.html).toBeTruthy();
    const link = linkToken(mail!, 'reset-password');

    const reset = (password: string) =>
      s.request({ method: 'POST', url: '/api/v1/auth/password_reset/confirm', json: { token: link, password } });
    const done = await reset('a brand new secret');
    expect(done.statusCode, done.body).toBe(204);
    expect((await login('am_bo', 'a brand new secret')).statusCode).toBe(200);
    expectProblem(await login('am_bo', PASSWORD), 401);

    expectProblem(await reset('yet another secret'), 400, ['token']);
    expectProblem(await login('am_bo', 'yet another secret'), 401);
    expect((await login('am_bo', 'a brand new secret')).statusCode).toBe(200);
  });
});
