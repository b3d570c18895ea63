import { describe, expect, it } from 'vitest';
import { PASSWORD, signUpViaApi, useBrowser, useServer, useSession } from '../support/browser.js';
import {
  button,
  eventually,
  expectNoProblems,
  field,
  focusIndicator,
  logOutButton,
  signUpInBrowser,
  textNextTo,
  visible,
  waitForPath,
} from './ui.js';

/*
 * Sign-up and log-in in Chromium: the error paths, and doing it all from the keyboard.
 */
describe('signing up and logging in', { timeout: 60_000 }, () => {
  const browser = useBrowser();
  const server = useServer();
  const session = useSession(browser, server);

  it('a wrong password says "Invalid username or password" and keeps the username', async () => {
    const { page, problems } = session;
    await signUpViaApi(server, 'grace');
    await page.goto('/login');
    await field(page, 'Username').fill('grace');
    await field(page, 'Password').fill('not the password');
    await button(page, 'Log in').click();
    await visible(page.getByText('Invalid username or password'), 'the "Invalid username or password" message');
    expect(await field(page, 'Username').inputValue(), 'the username stays in its field').toBe('grace');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await logOutButton(page).count(), 'not logged in').toBe(0);
    expectNoProblems(problems, 'on /login after a wrong password');
  });

  it('a taken username is reported next to the Username field', async () => {
    const { page, problems } = session;
    await signUpViaApi(server, 'taken_name');
    await signUpInBrowser(page, { name: 'Someone Else', username: 'taken_name', email: 'someone.else@example.com' });
    const nextToUsername = await eventually(async () => {
      const text = await textNextTo(page, 'Username');
      expect(text, 'the text next to the Username field').toMatch(/taken|already|in use|exists/i);
      return text;
    });
    expect(nextToUsername).not.toBe('');
    expect(await textNextTo(page, 'Email'), 'the error is not next to the Email field').not.toMatch(/taken/i);
    expect(new URL(page.url()).pathname, 'still on the sign-up page').toBe('/signup');
    expect(await field(page, 'Username').inputValue(), 'what was typed stays').toBe('taken_name');
    expectNoProblems(problems, 'on /signup after a taken username');
  });

  it('signs up and lands logged in on the home page', async () => {
    const { page, problems } = session;
    await signUpInBrowser(page, { name: 'Katherine Johnson', username: 'katherine' });
    await waitForPath(page, '/');
    await visible(logOutButton(page), 'the "Log out" button after signing up');
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(me, 'the browser holds a session for the new user').toMatchObject({
      username: 'katherine',
      name: 'Katherine Johnson',
    });
    expectNoProblems(problems, 'while signing up');
  });

  it('logs in with the keyboard alone, with a visible focus indicator', async () => {
    const { page, problems } = session;
    await signUpViaApi(server, 'keyboard_user');
    await page.goto('/login');
    await visible(field(page, 'Username'), 'the "Username" field');

    const isFocused = (label: string) => field(page, label).evaluate((el) => el === document.activeElement);
    let presses = 0;
    while (!(await isFocused('Username'))) {
      expect(presses, 'Tab reaches the Username field within 15 presses').toBeLessThan(15);
      await page.keyboard.press('Tab');
      presses++;
    }
    const indicator = await focusIndicator(page);
    expect(indicator.focusVisible, `${indicator.focused} matches :focus-visible after Tab`).toBe(true);
    expect(indicator.visible, `${indicator.focused} shows a focus indicator (${indicator.style})`).toBe(true);

    await page.keyboard.type('keyboard_user');
    await page.keyboard.press('Tab');
    expect(await isFocused('Password'), 'the next Tab goes to the Password field').toBe(true);
    const passwordIndicator = await focusIndicator(page);
    expect(passwordIndicator.visible, `the Password field shows focus (${passwordIndicator.style})`).toBe(true);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await waitForPath(page, '/');
    await visible(logOutButton(page), 'the "Log out" button after logging in with the keyboard');

    // The header's controls show focus too.
    await logOutButton(page).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const headerIndicator = await focusIndicator(page);
    expect(headerIndicator.visible, `${headerIndicator.focused} shows focus (${headerIndicator.style})`).toBe(true);
    expectNoProblems(problems, 'while logging in with the keyboard');
  });
});
