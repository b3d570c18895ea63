import { beforeEach, describe, expect, it } from 'vitest';
import {
  followViaApi,
  openSession,
  signUpViaApi,
  tweetViaApi,
  useBrowser,
  useServer,
  useSession,
} from '../support/browser.js';
import {
  button,
  composeBox,
  eventually,
  expectNoProblems,
  logInInBrowser,
  postTweetInBrowser,
  tweetButton,
  tweetItem,
  tweetItems,
  visible,
  waitForPath,
} from './ui.js';

/*
 * The home timeline and user pages in Chromium: composing, paging, what a tweet may
 * contain, a narrow screen and a dropped connection.
 */
describe('the timeline', { timeout: 60_000 }, () => {
  const browser = useBrowser();
  const server = useServer();
  const session = useSession(browser, server);

  /** Older tweets than any other in this file, more than one page of them. */
  const OLDER = Array.from({ length: 45 }, (_, i) => `older tweet ${String(i + 1).padStart(2, '0')}`);
  const LONG_WORD = `https://example.com/${'a'.repeat(120)}`;

  let seeded: Promise<void> | undefined;
  // Seeded once, before the first test (in beforeEach, so a failure fails the tests rather than skipping them).
  beforeEach(async () => {
    seeded ??= (async () => {
      const writer = await signUpViaApi(server, 'writer', 'Prolific Writer');
      // Home shows the people you follow: the reader follows the writer first.
      const reader = await signUpViaApi(server, 'reader', 'Curious Reader');
      await followViaApi(server, reader.token, writer.id);
      for (const body of OLDER) await tweetViaApi(server, writer.token, body);
      await tweetViaApi(server, writer.token, LONG_WORD);
      await tweetViaApi(server, writer.token, '<img src=x onerror="alert(2)">');
    })();
    await seeded;
  });

  it('counts the characters left out of 280 and disables Tweet when empty or over the limit', async () => {
    const { page, problems } = session;
    await logInInBrowser(page, 'reader');
    await visible(composeBox(page), `the "What's happening?" box`);
    expect(await tweetButton(page).isDisabled(), 'Tweet is disabled while empty').toBe(true);
    await visible(page.getByText(/\b280\b/), 'the count of 280 characters left');

    await composeBox(page).fill('hello');
    await visible(page.getByText(/\b275\b/), 'the count of 275 characters left after typing 5');
    expect(await tweetButton(page).isEnabled()).toBe(true);

    await composeBox(page).fill('x'.repeat(280));
    await eventually(async () => expect(await tweetButton(page).isEnabled(), 'Tweet at exactly 280').toBe(true));
    await composeBox(page).fill('x'.repeat(281));
    await eventually(async () => expect(await tweetButton(page).isDisabled(), 'Tweet at 281 characters').toBe(true));

    expectNoProblems(problems, 'while composing');
  });

  it('shows markup in a tweet as literal text and never runs it', async () => {
    const { page, problems } = session;
    await logInInBrowser(page, 'reader');
    const script = '<script>alert(1)</script>';
    await postTweetInBrowser(page, script);
    await visible(tweetItem(page, '<img src=x onerror="alert(2)">'), 'the <img> tweet as literal text');
    await page.reload();
    await visible(tweetItem(page, script), 'the <script> tweet as literal text after a reload');
    expect(await page.locator('main script, article script, li script').count(), 'no script element from a tweet').toBe(
      0,
    );
    await page.waitForTimeout(500);
    expect(problems.dialogs, 'no alert() ran').toEqual([]);
    expectNoProblems(problems, 'with markup in tweets');
  });

  it('lists tweets newest first and loads older ones with "Load more"', async () => {
    const { page, problems } = session;
    const cursors: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v2/timelines/home' && url.searchParams.has('cursor')) cursors.push(url.search);
    });
    await logInInBrowser(page, 'reader');
    await visible(tweetItem(page, 'older tweet 45'), 'the newest of the older tweets');
    expect(await tweetItem(page, 'older tweet 01').count(), 'the oldest tweet is not on the first page').toBe(0);

    for (let clicks = 0; (await tweetItem(page, 'older tweet 01').count()) === 0; clicks++) {
      expect(clicks, '"Load more" reaches the oldest tweet within 10 clicks').toBeLessThan(10);
      const before = await tweetItems(page).count();
      await button(page, 'Load more').click();
      await eventually(async () => expect(await tweetItems(page).count()).toBeGreaterThan(before));
    }
    expect(cursors.length, 'older pages were fetched with the cursor').toBeGreaterThan(0);

    const shown = (await tweetItems(page).allTextContents()).flatMap((text) => text.match(/older tweet \d\d/g) ?? []);
    expect(shown, 'every older tweet once, newest first').toEqual([...OLDER].reverse());
    expectNoProblems(problems, 'while loading more');
  });

  it("shows a user's page with their name, @username and tweets, and Delete only on your own", async () => {
    const { page, problems } = session;
    await logInInBrowser(page, 'reader');
    await postTweetInBrowser(page, 'a tweet by the reader');
    expect(await button(tweetItem(page, 'a tweet by the reader'), 'Delete').count(), 'Delete on your own tweet').toBe(
      1,
    );
    await visible(tweetItem(page, 'older tweet 45'), "the writer's tweet on the home page");
    expect(await button(tweetItem(page, 'older tweet 45'), 'Delete').count(), "no Delete on others' tweets").toBe(0);

    await page.goto('/u/writer');
    await visible(page.getByText('Prolific Writer').first(), "the user's name");
    await visible(page.getByText('@writer').first(), 'the @username');
    await visible(tweetItem(page, 'older tweet 45'), "the user's tweets");
    expect(await tweetItem(page, 'a tweet by the reader').count(), "only the user's own tweets").toBe(0);
    expectNoProblems(problems, 'on a user page');
  });

  it('fits a 360 px wide screen without horizontal scrolling, and the compose box works there', async () => {
    const narrow = await openSession(browser.browser, server.base, { viewport: { width: 360, height: 740 } });
    try {
      const { page, problems } = narrow;
      await logInInBrowser(page, 'reader');
      await visible(tweetItem(page, LONG_WORD), 'a tweet with a long unbroken word');
      const scrollWidth = () => page.evaluate(() => document.scrollingElement!.scrollWidth);
      expect(await scrollWidth(), 'the page is no wider than the screen').toBeLessThanOrEqual(360);

      const box = await composeBox(page).boundingBox();
      expect(box, 'the compose box is laid out').not.toBeNull();
      expect(box!.x, 'the compose box starts on screen').toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, 'the compose box ends on screen').toBeLessThanOrEqual(360);
      await postTweetInBrowser(page, 'tweeted from a narrow screen');
      expect(await scrollWidth(), 'still no horizontal scroll after tweeting').toBeLessThanOrEqual(360);
      expectNoProblems(problems, 'on a 360 px screen');
    } finally {
      await narrow.context.close();
    }
  });

  it('says so with a "Try again" button when the connection drops, and recovers', async () => {
    const { page, problems, setOffline } = session;
    await logInInBrowser(page, 'reader');
    await visible(tweetItem(page, 'older tweet 45'), 'the timeline');
    const before = await tweetItems(page).count();

    await setOffline(true);
    await button(page, 'Load more').click();
    await visible(button(page, 'Try again'), 'a "Try again" button while offline');
    expect(await tweetItems(page).count(), 'the tweets already shown stay (not a blank page)').toBeGreaterThanOrEqual(
      before,
    );
    // The message beside the button: the text of its nearest container that says more than "Try again".
    const message = await button(page, 'Try again').evaluate((tryAgain) => {
      for (let box = tryAgain.parentElement, i = 0; box && i < 4; box = box.parentElement, i++) {
        const text = (box.textContent ?? '').replace('Try again', '').trim();
        if (text) return text;
      }
      return '';
    });
    expect(message, 'an error message beside "Try again"').toMatch(
      /error|offline|connect|network|could ?n[o'’]t|can[o'’]?t|unable|failed|wrong|load/i,
    );

    await setOffline(false);
    await button(page, 'Try again').click();
    await eventually(async () => expect(await tweetItems(page).count(), 'older tweets load').toBeGreaterThan(before));
    await eventually(async () => expect(await button(page, 'Try again').count(), '"Try again" goes away').toBe(0));
    await waitForPath(page, '/');
    expectNoProblems(problems, 'beyond the failed loads while offline');
  });
});
