import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsOf } from '../support/actions.js';
import { eventually } from '../support/assertions.js';
import { freshSealKey } from '../support/mail-requests.js';
import { startSmtpServer } from '../support/smtp.js';
import { postgresUrl, useStarling } from '../support/starling.js';
import { receiver } from '../support/webhook-receiver.js';

/*
 * What the mail and webhook alerts (deploy/prometheus/rules/alerts.yml) count: each
 * attempt's outcome, on /metrics, from zero. The counting does not depend on where the
 * tables are: PostgreSQL when there is one (it starts sooner), else embedded.
 */
describe('mail and webhook attempts on /metrics', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const env: Record<string, string> = {
    MAIL_SEAL_KEY: freshSealKey(),
    MAIL_POLL_MS: '50',
    MAIL_RETRY_BASE_MS: '50',
    MAIL_RETRY_MAX_MS: '100',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_RETRY_BASE_MS: '2',
    WEBHOOK_MAX_ATTEMPTS: '2',
    WEBHOOK_POLL_MS: '50',
  };
  beforeAll(async () => {
    // Busy once (then takes it), or gone for good.
    smtp = await startSmtpServer((to, attempt) => {
      if (to.startsWith('dm_busy') && attempt === 1) return { code: 451, message: '4.3.0 Try again later' };
      if (to.startsWith('dm_gone')) return { code: 550, message: '5.1.1 No such mailbox here' };
      return undefined;
    });
    env.SMTP_URL = smtp.url;
  });
  afterAll(async () => smtp?.close());
  const s = useStarling({ postgres: postgresUrl !== undefined }, env);
  const hooks = receiver();

  /** The value of each `outcome` of a counter. */
  async function outcomes(name: string): Promise<Record<string, number>> {
    const text = (await s.request({ url: '/metrics' })).body;
    const pattern = new RegExp(`^${name}\\{outcome="(\\w+)"\\} (\\S+)$`, 'gm');
    return Object.fromEntries([...text.matchAll(pattern)].map((m) => [m[1]!, Number(m[2])]));
  }

  it('starts every outcome at zero, so that a first failure is an increase Prometheus sees', async () => {
    expect(await outcomes('starling_mail_attempts_total')).toEqual({ sent: 0, retry: 0, failed: 0, dropped: 0 });
    expect(await outcomes('starling_webhook_attempts_total')).toEqual({ delivered: 0, retry: 0, failed: 0 });
  });

  it('counts mail sent, refused for now and tried again, and refused for good', async () => {
    // Each sign-up mails a confirmation to the new address.
    for (const name of ['dm_fine', 'dm_busy', 'dm_gone']) await s.signUp(name);
    await smtp.waitFor('dm_fine@example.com');
    await smtp.waitFor('dm_busy@example.com');
    await eventually(async () =>
      expect(await outcomes('starling_mail_attempts_total')).toEqual({ sent: 2, retry: 1, failed: 1, dropped: 0 }),
    );
  });

  it('counts webhook calls delivered, failed and tried again, and failed for the last time', async () => {
    const ada = await s.signUp('dm_hooks');
    const { postOk } = actionsOf(s);
    hooks.script('down', [500, 503]);
    for (const name of ['fine', 'down']) {
      const created = await s.request({
        method: 'POST',
        url: '/api/v2/webhooks',
        token: ada.token,
        json: { url: hooks.url(name), events: ['tweet.created'] },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    await postOk(ada.token, 'counted');
    await eventually(async () =>
      expect(await outcomes('starling_webhook_attempts_total')).toEqual({ delivered: 1, retry: 1, failed: 1 }),
    );
    expect(hooks.at('down')).toHaveLength(2);
  });
});
