import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSealKey } from '../support/mail-requests.js';
import { killStarlings } from '../support/process.js';
import {
  privateServersMissing,
  startPrivateNats,
  startPrivatePostgres,
  type PrivateNats,
  type PrivatePostgres,
} from '../support/private-servers.js';
import { startSmtpServer, type Received } from '../support/smtp.js';
import { eventually, startTopology, type Topology } from '../support/topology.js';
import { receiver } from '../support/webhook-receiver.js';

/*
 * Mail and webhook delivery shared by two notify workers of `starling up --distributed`
 * (on a PostgreSQL and a NATS server of this suite's own), one of them killed with
 * SIGKILL mid-batch: every mail and every delivery arrives once, none is lost.
 */
const missing =
  (!process.env.DATABASE_URL && 'DATABASE_URL is not set') ||
  (!process.env.NATS_URL && 'NATS_URL is not set') ||
  privateServersMissing();
const title = missing ? `notify delivery across workers (skipped: ${missing})` : 'notify delivery across workers';

const MENTIONS = 200;
const PASSWORD = 'correct horse battery';
// How long a killed worker's mail and delivery stay leased to it (MAIL_LEASE_SECONDS, and
// the webhook lease the loop derives from its time-outs: 1 s + 2 × 3 s + 5 s).
const LEASE_MS = 12_000;
const ENDPOINTS = ['mentions', 'mentions-too'] as const;

describe.skipIf(!!missing)(title, { timeout: 300_000 }, () => {
  let postgres: PrivatePostgres;
  let nats: PrivateNats;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: Topology;
  const hooks = receiver();

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    nats = await startPrivateNats();
    smtp = await startSmtpServer();
    t = await startTopology(
      {
        DATABASE_URL: postgres.url,
        NATS_URL: nats.url,
        SMTP_URL: smtp.url,
        MAIL_SEAL_KEY: freshSealKey(),
        PUBLIC_URL: 'https://starling.test',
        MAIL_POLL_MS: '50',
        MAIL_RETRY_BASE_MS: '200',
        MAIL_RETRY_MAX_MS: '1000',
        MAIL_SEND_TIMEOUT_SECONDS: '3',
        MAIL_LEASE_SECONDS: '10',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_POLL_MS: '50',
        WEBHOOK_RETRY_BASE_MS: '200',
        WEBHOOK_CONNECT_TIMEOUT_MS: '1000',
        WEBHOOK_RESPONSE_TIMEOUT_MS: '3000',
        WEBHOOK_LEASE_MS: '1000',
        WEBHOOK_CONCURRENCY: '1',
        LOGIN_RATE_LIMIT: '10000/60',
        SIGNUP_RATE_LIMIT: '100000/60',
        GATEWAY_RATE_LIMIT: '1000000/60',
        ACCOUNT_MAIL_RATE_LIMIT: '10000/60',
        PROJECTION_POLL_MS: '200',
      },
      ['--replicas', 'notify-worker=2'],
    );
  }, 200_000);

  afterAll(async () => {
    await t?.stop();
    killStarlings();
    await smtp?.close();
    await nats?.destroy();
    postgres?.destroy();
  });

  const isNotificationMail = (m: Received) => m.messageId.startsWith('<notification-');

  it('kill -9 of a notify worker mid-batch: each of 200 mention mails and webhook deliveries (to two endpoints) arrives exactly once', async () => {
    // A confirms the address with the link of the mail that arrived.
    const ada = await signUp(t, 'dn_ada');
    const [confirmation] = await smtp.waitFor('dn_ada@example.com', 1, 30_000);
    const link = /https:\/\/starling\.test\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(
      confirmation!.parsed.text ?? '',
    )?.[1];
    expect(link).toBeDefined();
    const confirmed = await t.api('/api/v1/auth/email_confirmation/confirm', {
      method: 'POST',
      json: { token: link },
    });
    expect(confirmed.status, await confirmed.text()).toBe(204);
    // Two endpoints, and one delivery in flight per worker: each worker holds one of them.
    const secrets = new Map<string, string>();
    for (const endpoint of ENDPOINTS) {
      const hook = await t.api('/api/v2/webhooks', {
        method: 'POST',
        token: ada.token,
        json: { url: hooks.url(endpoint), events: ['notification.mention'], description: 'every mention' },
      });
      expect(hook.status, await hook.clone().text()).toBe(201);
      secrets.set(endpoint, ((await hook.json()) as { secret: string }).secret);
    }

    const bo = await signUp(t, 'dn_bo');
    const mention = async (n: number) => {
      const res = await t.api('/api/v2/tweets', {
        method: 'POST',
        token: bo.token,
        json: { body: `@dn_ada mention number ${n}` },
      });
      expect(res.status, `tweet ${n}: ${await res.clone().text()}`).toBe(201);
    };
    // The first mention's mail shows notify knows the address is confirmed (mention mail
    // is immediate by default); the other 199 follow, a few at a time.
    await mention(1);
    await eventually(async () => expect(smtp.received.filter(isNotificationMail)).toHaveLength(1), 30_000);
    let next = 2;
    const poster = async () => {
      while (next <= MENTIONS) await mention(next++);
    };
    const posting = Promise.all(Array.from({ length: 4 }, poster));

    // Mid-batch, every sender is made to wait for its answer; then one worker dies waiting.
    await eventually(
      async () => expect(smtp.received.filter(isNotificationMail).length).toBeGreaterThanOrEqual(60),
      60_000,
    );
    smtp.hold();
    hooks.hold();
    await eventually(
      async () => {
        expect(smtp.waiting()).toBe(2);
        expect(hooks.waiting()).toBe(2);
      },
      2000,
      20,
    );
    const victim = t.member('notify-worker', 1);
    process.kill(victim.pid, 'SIGKILL');
    await sleep(300);
    smtp.release();
    hooks.release();
    await posting;

    const mails = () => smtp.received.filter(isNotificationMail);
    const deliveries = (endpoint: string) => hooks.at(endpoint).filter((r) => r.status === 200);
    await eventually(async () => {
      expect(mails().length).toBeGreaterThanOrEqual(MENTIONS);
      for (const endpoint of ENDPOINTS) expect(deliveries(endpoint).length).toBeGreaterThanOrEqual(MENTIONS);
    }, 120_000);
    // Long enough for any lease still held to run out and its mail or delivery to go again.
    await sleep(LEASE_MS + 2000);

    const messageIds = mails().map((m) => m.messageId);
    expect(messageIds).toHaveLength(MENTIONS);
    expect(new Set(messageIds).size).toBe(MENTIONS);
    expect(mails().every((m) => m.parsed.subject === 'dn_bo (@dn_bo) mentioned you on Starling')).toBe(true);
    // The killed worker's mail was sent again (same Message-ID), the copy it waited on never taken.
    expect(smtp.attempts.get('dn_ada@example.com')).toBeGreaterThan(1 + MENTIONS);

    for (const endpoint of ENDPOINTS) {
      const got = deliveries(endpoint);
      const webhookIds = got.map((r) => String(r.headers['webhook-id']));
      expect(webhookIds).toHaveLength(MENTIONS);
      expect(new Set(webhookIds).size).toBe(MENTIONS);
      const payloads = got.map(
        (r) =>
          new Webhook(secrets.get(endpoint)!).verify(r.body, r.headers as Record<string, string>) as {
            type: string;
            data: unknown;
          },
      );
      expect(payloads.every((p) => p.type === 'notification.mention')).toBe(true);
      expect(new Set(payloads.map((p) => JSON.stringify(p.data))).size).toBe(MENTIONS);
      // The request the killed worker waited on went again, under the same webhook-id.
      expect(hooks.at(endpoint).length).toBeGreaterThanOrEqual(MENTIONS);
    }
    expect(hooks.at(ENDPOINTS[0]).length + hooks.at(ENDPOINTS[1]).length).toBeGreaterThan(2 * MENTIONS);

    expect(await mentionCount(t, ada.token)).toBe(MENTIONS);
    // `starling up` started the killed worker again.
    await eventually(async () => expect(t.member('notify-worker', 1).pid).not.toBe(victim.pid), 30_000);
    await t.ready();
  });
});

async function signUp(t: Topology, username: string) {
  const created = await t.api('/api/v1/users', {
    method: 'POST',
    json: { username, email: `${username}@example.com`, password: PASSWORD },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const login = await t.api('/api/v1/auth/login', { method: 'POST', json: { username, password: PASSWORD } });
  expect(login.status).toBe(200);
  return {
    id: ((await created.json()) as { id: string }).id,
    token: ((await login.json()) as { access_token: string }).access_token,
  };
}

/** How many mention notifications `token`'s owner has, following every page. */
async function mentionCount(t: Topology, token: string): Promise<number> {
  let count = 0;
  let next: string | undefined = '/api/v2/notifications?types[]=mention&limit=100';
  while (next) {
    const res = await t.api(next, { token });
    expect(res.status).toBe(200);
    count += ((await res.json()) as { notifications: unknown[] }).notifications.length;
    const link = res.headers.get('link');
    next = link ? /<([^>]+)>;\s*rel="next"/.exec(link)?.[1]?.replace(/^https?:\/\/[^/]+/, '') : undefined;
  }
  return count;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
