import { describe, expect, it } from 'vitest';
import { serverModeTitle, serverModes, useBrowser, useServer, useSession } from '../support/browser.js';
import {
  button,
  composeBox,
  confirmDialog,
  eventually,
  expectNoProblems,
  field,
  gone,
  link,
  logInInBrowser,
  logOutButton,
  postTweetInBrowser,
  signUpInBrowser,
  tweetButton,
  tweetItem,
  tweetItems,
  visible,
  waitForPath,
} from './ui.js';

/*
 * The whole journey in Chromium against a real `starling start`: sign up, tweet, see it,
 * reload, log out, log in, delete it. Every page on the way must be free of console
 * errors and CSP violations.
 */
for (const mode of serverModes) {
  describe.skipIf(!!mode.missing)(`the web app journey ${serverModeTitle(mode)}`, { timeout: 60_000 }, () => {
    const browser = useBrowser();
    const server = useServer({}, mode);
    const session = useSession(browser, server);

    it('sends a logged-out visitor from / and /profile to /login, which links to sign-up', async () => {
      const { page, problems } = session;
      await page.goto('/');
      await waitForPath(page, '/login');
      await page.goto('/profile');
      await waitForPath(page, '/login');
      await visible(field(page, 'Username'), 'the "Username" field on /login');
      await page.locator('a[href$="/signup"]').first().click();
      await waitForPath(page, '/signup');
      await visible(button(page, 'Sign up'), 'the "Sign up" button');
      expectNoProblems(problems, 'on /login and /signup');
    });

    it('signs up, tweets, survives a reload, logs out and in, and deletes the tweet', async () => {
      const { page, problems } = session;
      const body = 'Hello from the journey';
      const earlier = 'An earlier tweet that stays';

      // Sign up: logged in, on the home page, with the header.
      await signUpInBrowser(page, { name: 'Ada Lovelace', username: 'ada' });
      await waitForPath(page, '/');
      await visible(logOutButton(page), 'the "Log out" button after signing up');
      await visible(page.getByText('Starling').first(), 'the app name in the header');
      await visible(link(page, 'Home'), 'the "Home" link');
      await visible(link(page, 'Profile'), 'the "Profile" link');

      // Tweet: it appears at the top (above an earlier one) at once, without a page load.
      await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
      await visible(composeBox(page), `the "What's happening?" box`);
      expect(await tweetButton(page).isDisabled(), 'Tweet is disabled while the box is empty').toBe(true);
      await postTweetInBrowser(page, earlier);
      await eventually(async () =>
        expect(await composeBox(page).inputValue(), 'the box empties after tweeting').toBe(''),
      );
      await composeBox(page).fill(body);
      expect(await tweetButton(page).isEnabled(), 'Tweet is enabled with text in the box').toBe(true);
      await tweetButton(page).click();
      const item = tweetItem(page, body);
      await visible(item, 'the new tweet');
      expect(
        await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
        'the tweet appeared without reloading the page',
      ).toBe(true);
      expect(await tweetItems(page).first().textContent(), 'the new tweet is at the top').toContain(body);

      // It shows the author's name, @username, the body and a relative time.
      await visible(item.getByText('Ada Lovelace', { exact: true }), "the author's name in the tweet");
      await visible(item.getByText('@ada', { exact: true }), 'the @username in the tweet');
      const time = item.locator('time');
      expect((await time.textContent())?.trim()).toMatch(/just now/i);
      const datetime = await time.getAttribute('datetime');
      expect(datetime, '<time> has a datetime attribute').toBeTruthy();
      expect(Math.abs(Date.now() - Date.parse(datetime!)), 'datetime is the moment of tweeting').toBeLessThan(120_000);
      expect((await time.getAttribute('title')) ?? '', '<time> has a title tooltip with the full date').not.toBe('');

      // A reload keeps the session and the tweet.
      await page.reload();
      await waitForPath(page, '/');
      await visible(tweetItem(page, body), 'the tweet after a reload');
      await visible(logOutButton(page), 'the "Log out" button after a reload');

      // Log out: every page now sends you to /login.
      await logOutButton(page).click();
      await waitForPath(page, '/login');
      await page.goto('/profile');
      await waitForPath(page, '/login');
      await page.goto('/');
      await waitForPath(page, '/login');

      // Log in again and delete the tweet, cancelling once first.
      await logInInBrowser(page, 'ada');
      await visible(tweetItem(page, body), 'the tweet after logging in again');
      await button(tweetItem(page, body), 'Delete').first().click();
      await visible(confirmDialog(page), 'the in-page confirmation dialog');
      await button(confirmDialog(page), 'Cancel').click();
      await gone(confirmDialog(page), 'the confirmation dialog after Cancel');
      await visible(tweetItem(page, body), 'the tweet after cancelling its deletion');

      await button(tweetItem(page, body), 'Delete').first().click();
      await visible(confirmDialog(page), 'the in-page confirmation dialog');
      await button(confirmDialog(page), 'Delete').click();
      await gone(tweetItem(page, body), 'the deleted tweet');
      await visible(tweetItem(page, earlier), 'the other tweet, which stays');
      await page.reload();
      await visible(logOutButton(page), 'the "Log out" button after a reload');
      // Once the timeline has loaded (the other tweet is back), the deleted one must not be.
      await visible(tweetItem(page, earlier), 'the other tweet after a reload');
      expect(await tweetItem(page, body).count(), 'the deleted tweet stays gone after a reload').toBe(0);

      expectNoProblems(problems, 'during the journey');
    });
  });
}
