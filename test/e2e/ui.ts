import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PASSWORD, WAIT_MS, type PageProblems } from '../support/browser.js';

/*
 * The web app's contract, as the browser journeys see it: exact labels and names.
 */

export const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
export const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
export const link = (page: Page, name: string) => page.getByRole('link', { name, exact: true });
export const composeBox = (page: Page) => field(page, "What's happening?");
export const tweetButton = (page: Page) => button(page, 'Tweet');
export const logOutButton = (page: Page) => button(page, 'Log out');

/** An in-page confirmation dialog (a <dialog> or an element with role dialog/alertdialog). */
export const confirmDialog = (page: Page) => page.getByRole('dialog').or(page.getByRole('alertdialog'));

/** One tweet in a list: the innermost article or list item that holds its body and a <time>. */
export function tweetItem(page: Page, body: string): Locator {
  return page
    .locator('article, li:not(:has(article))')
    .filter({ has: page.locator('time') })
    .filter({ has: page.getByText(body, { exact: true }) });
}

/** Every tweet on the page, in document order. */
export const tweetItems = (page: Page) =>
  page.locator('article, li:not(:has(article))').filter({ has: page.locator('time') });

/** Waits (bounded) until the page's path is `path`. */
export async function waitForPath(page: Page, path: string): Promise<void> {
  try {
    await page.waitForURL((url) => url.pathname === path, { timeout: WAIT_MS });
  } catch {
    throw new Error(`expected to end up on ${path}, but the page is at ${new URL(page.url()).pathname}`);
  }
}

export async function visible(locator: Locator, what: string): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: WAIT_MS });
  } catch {
    throw new Error(`${what} did not become visible within ${WAIT_MS / 1000} s`);
  }
}

export async function gone(locator: Locator, what: string): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout: WAIT_MS });
  } catch {
    throw new Error(`${what} is still on the page after ${WAIT_MS / 1000} s`);
  }
}

/** Polls `check` until it passes (bounded by WAIT_MS): for anything auto-wait does not cover. */
export async function eventually<T>(check: () => Promise<T> | T): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function signUpInBrowser(
  page: Page,
  user: { name: string; username: string; email?: string; password?: string },
): Promise<void> {
  await page.goto('/signup');
  await field(page, 'Name').fill(user.name);
  await field(page, 'Username').fill(user.username);
  await field(page, 'Email').fill(user.email ?? `${user.username}@example.com`);
  await field(page, 'Password').fill(user.password ?? PASSWORD);
  await button(page, 'Sign up').click();
}

export async function logInInBrowser(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await field(page, 'Username').fill(username);
  await field(page, 'Password').fill(password);
  await button(page, 'Log in').click();
  await waitForPath(page, '/');
  await visible(logOutButton(page), 'the "Log out" button after logging in');
}

export async function postTweetInBrowser(page: Page, body: string): Promise<void> {
  await composeBox(page).fill(body);
  await tweetButton(page).click();
  await visible(tweetItem(page, body), `the new tweet "${body}"`);
}

/**
 * The text shown beside a form field: what its aria-describedby names, plus the rest
 * of the smallest container that holds this field and no other (or, in a flat form,
 * the elements after it up to the next field).
 */
export function textNextTo(page: Page, label: string): Promise<string> {
  return field(page, label).evaluate((input) => {
    const isField = (el: Element) => el.matches('input, textarea, select, label');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '');
    let box: Element = input;
    while (box.parentElement && box.parentElement.querySelectorAll('input, textarea, select').length === 1) {
      box = box.parentElement;
    }
    const near = [box === input ? '' : (box.textContent ?? '')];
    for (let next = box.nextElementSibling; next && !isField(next) && !next.querySelector('input, textarea, select');) {
      near.push(next.textContent ?? '');
      next = next.nextElementSibling;
    }
    return [...described, ...near].join(' ').replace(/\s+/g, ' ').trim();
  });
}

/** Whether the focused element shows a focus indicator (an outline or a box-shadow). */
export function focusIndicator(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { focused: 'nothing', focusVisible: false, visible: false, style: '' };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      focused: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`,
      focusVisible: el.matches(':focus-visible'),
      visible: outline || shadow,
      style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
    };
  });
}

/** Asserts the page logged no console errors, CSP violations or uncaught exceptions, and opened no dialogs. */
export function expectNoProblems(problems: PageProblems, where: string): void {
  expect(problems.csp, `CSP violations ${where}`).toEqual([]);
  expect(problems.errors, `console errors ${where}`).toEqual([]);
  expect(problems.dialogs, `window dialogs ${where}`).toEqual([]);
}
