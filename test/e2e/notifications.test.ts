import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openSession,
  serverModeTitle,
  serverModes,
  signUpViaApi,
  tweetViaApi,
  useBrowser,
  useServer,
  useSession,
} from '../support/browser.js';
import { freshSealKey } from '../support/mail-requests.js';
import { startSmtpServer, type Received } from '../support/smtp.js';
import {
  button,
  expectNoProblems,
  field,
  gone,
  link,
  logInInBrowser,
  postTweetInBrowser,
  tweetItem,
  visible,
  waitForPath,
} from './ui.js';

/*
 * In-app notifications in Chromium: B follows A, mentions A, replies to A and likes A's
 * tweet, all through the web app in B's browser; A, on the web app in another, sees the
 * unread badge count up live, opens Notifications, sees the four, and the badge clears.
 * A confirmed the address from the mail and asked for likes in a digest: the mail that
 * arrives at the suite's SMTP server is three notifications at once and a digest of the like.
 */
for (const mode of serverModes) {
  describe.skipIf(!!mode.missing)(`notifications in the web app ${serverModeTitle(mode)}`, { timeout: 90_000 }, () => {
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    const env: Record<string, string> = {
      MAIL_SEAL_KEY: freshSealKey(),
      MAIL_POLL_MS: '100',
      MAIL_DIGEST_INTERVAL_SECONDS: '3',
    };
    beforeAll(async () => {
      smtp = await startSmtpServer();
      env.SMTP_URL = smtp.url;
    });
    afterAll(async () => smtp?.close());
    const browser = useBrowser();
    const server = useServer(env, mode);
    const session = useSession(browser, server);

    /** Resolves once the page's notification stream (EventSource) has been answered. */
    const streamOpened = (page: Page) =>
      page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/v2/streaming/notifications' && r.status() === 200,
      );
    const notificationsLink = (page: Page, unread: number) =>
      link(
        page,
        unread === 0 ? 'Notifications' : `Notifications ${unread} unread notification${unread === 1 ? '' : 's'}`,
      );

    it('B follows, mentions, replies and likes; A sees the badge reach 4 live, opens the page, and it clears; the mail comes as A chose', async () => {
      const ada = await signUpViaApi(server, 'ada', 'Ada Lovelace');
      await signUpViaApi(server, 'grace', 'Grace Hopper');
      const tweet = { body: 'Notes on the Analytical Engine' };
      await tweetViaApi(server, ada.token, tweet.body);
      const a = session;
      const b = await openSession(browser.browser, server.base);
      try {
        // A follows the link of the confirmation mail.
        const [confirmation] = await smtp.waitFor('ada@example.com');
        const token = /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(confirmation!.parsed.text ?? '')?.[1];
        expect(token, confirmation!.parsed.text).toBeDefined();
        await a.page.goto(`/verify-email?token=${token}`);
        await visible(a.page.getByText('Thank you: your email address is confirmed.'), 'the address confirmed');

        // A signs in and, in the settings, wants likes in a digest rather than not at all.
        await logInInBrowser(a.page, 'ada');
        await a.page.goto('/settings');
        await a.page.getByLabel('Someone likes your tweet').selectOption('digest');
        await visible(a.page.getByRole('status').filter({ hasText: 'Saved.' }), 'the email settings saved');

        // A is on the web app, with the stream open and nothing unread.
        const opened = streamOpened(a.page);
        await a.page.goto('/');
        await opened;
        await visible(notificationsLink(a.page, 0), 'the Notifications link without a badge');
        await a.page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

        // B, in the web app: follows A from A's page, replies to and likes A's tweet there.
        await logInInBrowser(b.page, 'grace');
        await b.page.goto('/u/ada');
        await visible(b.page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }), "Ada's page");
        await button(b.page, 'Follow').click();
        await visible(button(b.page, 'Following'), 'the "Following" button');
        await visible(notificationsLink(a.page, 1), 'the badge at 1 after the follow');

        const item = tweetItem(b.page, tweet.body);
        await visible(item, "Ada's tweet on her page");
        await button(item, 'Reply, 0 replies').click();
        await field(b.page, 'Reply to @ada').fill('Grace answers Ada');
        await button(item, 'Reply').click();
        await visible(button(item, 'Reply, 1 reply'), 'the reply counted');
        await button(item, 'Like, 0 likes').click();
        await visible(button(item, 'Like, 1 like'), 'the like counted');

        // …and mentions A in a tweet from home.
        await link(b.page, 'Home').click();
        await waitForPath(b.page, '/');
        await postTweetInBrowser(b.page, 'Reading the notes of @ada tonight');

        // A's badge counts all four without a reload.
        await visible(notificationsLink(a.page, 4), 'the badge at 4');
        expect(
          await a.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
          'no reload',
        ).toBe(true);

        // A opens Notifications: the four, newest first, and the badge clears.
        await notificationsLink(a.page, 4).click();
        await waitForPath(a.page, '/notifications');
        await visible(a.page.getByRole('heading', { level: 1, name: 'Notifications' }), 'the Notifications page');
        const entries = a.page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
        await visible(entries.first(), 'the notifications');
        const texts = (await entries.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
        expect(texts).toHaveLength(4);
        expect(texts[0]).toContain('Grace Hopper mentioned you');
        expect(texts[0]).toContain('Reading the notes of @ada tonight');
        expect(texts[1]).toContain('Grace Hopper liked your tweet');
        expect(texts[1]).toContain(tweet.body);
        expect(texts[2]).toContain('Grace Hopper replied to your tweet');
        expect(texts[2]).toContain('Grace answers Ada');
        expect(texts[3]).toContain('Grace Hopper followed you');
        await visible(notificationsLink(a.page, 0), 'the Notifications link without a badge');
        await gone(a.page.getByText(/unread notifications?$/), 'the unread badge');

        // Read stays read: the count from the API is 0 too.
        const count = await server.api('/api/v2/notifications/unread_count', { token: ada.token });
        expect(((await count.json()) as { count: number }).count).toBe(0);

        // The mail: follow, reply and mention at once (the default), the like in a digest.
        const mail = await smtp.waitFor('ada@example.com', 5, 30_000);
        const subjects = mail.map((m) => m.parsed.subject);
        expect(subjects[0]).toBe('Confirm your email address for Starling');
        expect(subjects.slice(1).sort()).toEqual(
          [
            'Grace Hopper (@grace) followed you on Starling',
            'Grace Hopper (@grace) replied to your tweet on Starling',
            'Grace Hopper (@grace) mentioned you on Starling',
            'Your Starling digest: 1 new notification',
          ].sort(),
        );
        const digest = mail.find((m) => m.parsed.subject?.startsWith('Your Starling digest')) as Received;
        expect(digest.parsed.text).toContain(`Grace Hopper (@grace) liked your tweet: "${tweet.body}"`);
        expect(digest.parsed.html).toContain('Grace Hopper (@grace) liked your tweet');
        // Nothing more: no mail for the like on its own, no second digest.
        await new Promise((r) => setTimeout(r, 4000));
        expect(smtp.received.filter((m) => m.to === 'ada@example.com')).toHaveLength(5);

        expectNoProblems(a.problems, "in A's browser");
        expectNoProblems(b.problems, "in B's browser");
      } finally {
        await b.context.close();
      }
    });
  });
}
