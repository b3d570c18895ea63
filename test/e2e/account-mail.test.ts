import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { allServices } from '@starling/cli/services';
import { tokenRevocations } from '@starling/identity';
import { createPlatform, loadConfig, type Platform } from '@starling/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, useBrowser, useSession } from '../support/browser.js';
import { freshSealKey, latestToken } from '../support/mail-requests.js';
import { ROOT } from '../support/process.js';
import {
  button,
  expectNoProblems,
  field,
  gone,
  link,
  logOutButton,
  signUpInBrowser,
  visible,
  waitForPath,
} from './ui.js';

/*
 * Confirming an email address and resetting a forgotten password in Chromium. The mail
 * itself is the notify service's; here the link's token is taken from the MailRequested
 * event identity recorded, opened with the seal key as the mail sender opens it, so
 * Starling runs in this process (its log readable) and serves the built web app.
 */
function useStarlingWithWebApp() {
  let platform: Platform | undefined;
  let base = '';
  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT: '1000/60',
      SIGNUP_RATE_LIMIT: '100000/60',
      MAIL_SEAL_KEY: freshSealKey(),
    });
    platform = await createPlatform({
      config,
      services: allServices(),
      revocations: tokenRevocations,
      dataDir: 'memory://',
      webRoot: join(ROOT, 'apps/web/dist'),
    });
    await platform.start();
    await platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => platform?.close());
  return {
    get base() {
      return base;
    },
    get platform() {
      if (!platform) throw new Error('Starling is not started yet');
      return platform;
    },
  };
}

describe('mailed links in the web app', { timeout: 60_000 }, () => {
  const browser = useBrowser();
  const starling = useStarlingWithWebApp();
  const session = useSession(browser, starling);

  it('an unconfirmed address is noticed on the profile, and the mailed link confirms it', async () => {
    const { page, problems } = session;
    await signUpInBrowser(page, { name: 'Mary Somerville', username: 'mary' });
    await waitForPath(page, '/');
    const me = (await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json())) as { id: string };

    await page.goto('/profile');
    const notice = page.getByRole('region', { name: 'Email not confirmed' });
    await visible(notice, 'the "Email not confirmed" notice');
    await button(page, 'Resend the link').click();
    await visible(page.getByText('A new link is on its way.'), 'word that a new link was mailed');

    await page.goto(`/verify-email?token=${await latestToken(starling, 'confirm-email', me.id)}`);
    await visible(page.getByText('your email address is confirmed'), 'the confirmation');
    await page.goto('/profile');
    await visible(field(page, 'Name'), 'the profile form');
    await gone(notice, 'the "Email not confirmed" notice');
    expectNoProblems(problems, 'confirming an email address');
  });

  it('a forgotten password is reset from the login page through the mailed link, once', async () => {
    const { page, problems } = session;
    const created = await starling.platform.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'caroline', email: 'caroline@example.com', password: PASSWORD },
    });
    expect(created.statusCode).toBe(201);

    await page.goto('/login');
    await link(page, 'Forgot password?').click();
    await waitForPath(page, '/forgot-password');
    await field(page, 'Email').fill('caroline@example.com');
    await button(page, 'Send the link').click();
    await visible(page.getByText('a link to set a new password is on its way'), 'word that a link was mailed');

    const resetUrl = `/reset-password?token=${await latestToken(starling, 'password-reset', created.json().id)}`;
    await page.goto(resetUrl);
    await field(page, 'New password').fill('stars and comets');
    await field(page, 'New password again').fill('stars and comets');
    await button(page, 'Set the password').click();
    await visible(page.getByText('Your password is changed'), 'word that the password changed');

    await link(page, 'Log in with your new password').click();
    await field(page, 'Username').fill('caroline');
    await field(page, 'Password').fill('stars and comets');
    await button(page, 'Log in').click();
    await waitForPath(page, '/');
    await visible(logOutButton(page), 'the "Log out" button');

    await page.goto(resetUrl);
    await field(page, 'New password').fill('another try here');
    await field(page, 'New password again').fill('another try here');
    await button(page, 'Set the password').click();
    await visible(page.getByText('This link no longer works'), 'word that the link was used');
    await visible(link(page, 'Ask for a new link'), 'a way to ask for a new link');
    expectNoProblems(problems, 'resetting a password');
  });
});
