import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  openSession,
  signUpViaApi,
  useBrowser,
  serverModeTitle,
  serverModes,
  useServer,
  useSession,
} from '../support/browser.js';
import {
  button,
  composeBox,
  eventually,
  expectNoProblems,
  field,
  gone,
  link,
  logInInBrowser,
  postTweetInBrowser,
  tweetItem,
  tweetItems,
  visible,
  waitForPath,
} from './ui.js';

/*
 * Following, the live home timeline, likes, replies and threads in Chromium, with two
 * people in two browser contexts; and the home page on a 375 px wide phone.
 */
for (const mode of serverModes) {
  describe.skipIf(!!mode.missing)(`the social web app ${serverModeTitle(mode)}`, { timeout: 90_000 }, () => {
    const browser = useBrowser();
    const server = useServer({}, mode);
    const session = useSession(browser, server);

    /** Resolves once the page's home stream (EventSource) has been answered. */
    const streamOpened = (page: Page) =>
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v2/streaming/home' && r.status() === 200);

    const pressed = async (page: Page, name: string | RegExp, scope = page.locator('body')) =>
      scope.getByRole('button', { name }).first().getAttribute('aria-pressed');

    it('follows, sees a new tweet stream in, likes it and replies, and the author sees the reply in the thread', async () => {
      await signUpViaApi(server, 'ada', 'Ada Lovelace');
      await signUpViaApi(server, 'grace', 'Grace Hopper');
      const a = session;
      const b = await openSession(browser.browser, server.base);
      try {
        // A follows B from B's page.
        await logInInBrowser(a.page, 'ada');
        await a.page.goto('/u/grace');
        await visible(a.page.getByRole('heading', { level: 1, name: 'Grace Hopper' }), "Grace's page");
        await button(a.page, 'Follow').click();
        await visible(button(a.page, 'Following'), 'the "Following" button');
        expect(await pressed(a.page, 'Following')).toBe('true');
        await visible(a.page.getByRole('link', { name: '1 follower' }), 'the follower count of 1');

        // A goes home (same document), where the stream opens.
        const opened = streamOpened(a.page);
        await link(a.page, 'Home').click();
        await waitForPath(a.page, '/');
        await opened;
        await visible(composeBox(a.page), "A's home page");

        // B tweets through the UI.
        const body = 'Grace tweets live for the first time';
        await logInInBrowser(b.page, 'grace');
        await postTweetInBrowser(b.page, body);

        // It streams into A's open home timeline: first a button, then the tweet.
        await visible(button(a.page, '1 new tweet'), 'the "1 new tweet" button');
        expect(await tweetItem(a.page, body).count(), 'the tweet waits for the click').toBe(0);
        await a.page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
        await button(a.page, '1 new tweet').click();
        const item = tweetItem(a.page, body);
        await visible(item, 'the streamed tweet');
        expect(await tweetItems(a.page).first().textContent(), 'the streamed tweet is at the top').toContain(body);
        await gone(button(a.page, '1 new tweet'), 'the "1 new tweet" button');
        expect(
          await a.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
          'no reload',
        ).toBe(true);

        // A likes it.
        await button(item, 'Like, 0 likes').click();
        await visible(button(item, 'Like, 1 like'), 'the like counted');
        expect(await button(item, 'Like, 1 like').getAttribute('aria-pressed')).toBe('true');
        const id = (await item.locator('a[href^="/t/"]').first().getAttribute('href'))!.slice('/t/'.length);
        await eventually(async () => {
          const tweet = (await (await server.api(`/api/v2/tweets/${id}`)).json()) as { like_count: number };
          expect(tweet.like_count, 'the like is stored').toBe(1);
        });

        // A replies; Escape closes the box first, then a real reply.
        await button(item, 'Reply, 0 replies').click();
        await visible(field(a.page, 'Reply to @grace'), 'the reply box');
        await a.page.keyboard.press('Escape');
        await gone(field(a.page, 'Reply to @grace'), 'the reply box after Escape');
        await button(item, 'Reply, 0 replies').click();
        const reply = 'Ada answers in the thread';
        await field(a.page, 'Reply to @grace').fill(reply);
        await button(item, 'Reply').click();
        await visible(tweetItem(a.page, reply), "A's reply on A's home");
        await visible(button(item, 'Reply, 1 reply'), 'the reply counted');
        await visible(tweetItem(a.page, reply).getByText('Replying to'), '"Replying to @grace"');
        // A's own reply (which the stream echoes) is not announced as new.
        await a.page.waitForTimeout(1000);
        expect(await a.page.getByRole('button', { name: /new tweets?$/ }).count()).toBe(0);

        // B opens the thread and sees the reply under the tweet.
        await b.page.goto(`/t/${id}`);
        await visible(
          b.page.locator('article[aria-current="page"]').getByText(body, { exact: true }),
          'the tweet, highlighted',
        );
        const replies = b.page.getByRole('region', { name: 'Replies' });
        await visible(replies.getByText(reply, { exact: true }), 'the reply in the thread');
        await visible(b.page.getByRole('button', { name: 'Like, 1 like' }), "A's like, seen by B");

        expectNoProblems(a.problems, "in A's browser");
        expectNoProblems(b.problems, "in B's browser");
      } finally {
        await b.context.close();
      }
    });

    it('fits the home page on a 375 px wide screen, with the suggestions below the timeline', async () => {
      await signUpViaApi(server, 'narrow', 'Narrow Screen');
      await signUpViaApi(server, 'suggested', 'Suggested Person');
      const phone = await openSession(browser.browser, server.base, { viewport: { width: 375, height: 740 } });
      try {
        const { page, problems } = phone;
        await logInInBrowser(page, 'narrow');
        await postTweetInBrowser(page, `A long word: https://example.com/${'b'.repeat(100)} and #hashtag`);
        const panel = page.getByRole('region', { name: 'Who to follow' });
        await visible(panel, 'the "Who to follow" panel');

        const scrollWidth = () => page.evaluate(() => document.scrollingElement!.scrollWidth);
        expect(await scrollWidth(), 'the page is no wider than the screen').toBeLessThanOrEqual(375);
        const list = (await page.locator('.tweet-list').boundingBox())!;
        const aside = (await panel.boundingBox())!;
        expect(aside.y, 'the panel comes after the timeline').toBeGreaterThanOrEqual(list.y + list.height);
        for (const [what, locator] of [
          ['the compose box', composeBox(page)],
          ['the search box', page.getByRole('searchbox', { name: 'Search' })],
          ['the like button', page.getByRole('button', { name: /^Like,/ }).first()],
          ['the Follow button', panel.getByRole('button', { name: /^Follow/ }).first()],
        ] as const) {
          const box = (await locator.boundingBox())!;
          expect(box, `${what} is laid out`).not.toBeNull();
          expect(box.x, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width, `${what} ends on screen`).toBeLessThanOrEqual(375);
        }

        // From the keyboard: "/" reaches the search box, which shows where focus is.
        await page.locator('body').click({ position: { x: 5, y: 300 } });
        await page.keyboard.press('/');
        await eventually(async () => expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search'));
        expectNoProblems(problems, 'on a 375 px screen');
      } finally {
        await phone.context.close();
      }
    });
  });
}
