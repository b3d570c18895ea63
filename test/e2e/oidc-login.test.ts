import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowser, useServer, useSession } from '../support/browser.js';
import { startOidcIssuer, type OidcIssuer } from '../support/oidc-issuer.js';
import { freePort } from '../support/process.js';
import { button, composeBox, expectNoProblems, field, link, logOutButton, visible, waitForPath } from './ui.js';

/*
 * Signing in with an external OpenID Connect provider in Chromium: from the login page's
 * "Continue with …" through the provider's sign-in form (a real oidc-provider in the test
 * process) to a signed-in home page; then the settings show the provider as linked.
 * The server's address is chosen first: the redirect URI registered with the provider
 * is PUBLIC_URL's.
 */
describe('signing in with an external provider in the web app', { timeout: 60_000 }, () => {
  let issuer: OidcIssuer | undefined;
  const env: Record<string, string> = {};
  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    issuer = await startOidcIssuer({ redirectUris: [`${base}/api/v1/auth/oidc/test/callback`] });
    issuer.addAccount({
      sub: 'ada-at-test-id',
      email: 'ada@lovelace.test',
      email_verified: true,
      preferred_username: 'ada_oidc',
      name: 'Ada Lovelace',
    });
    Object.assign(env, {
      PORT: String(port),
      PUBLIC_URL: base,
      OIDC_PROVIDERS: JSON.stringify([issuer.provider('test', 'Test ID')]),
    });
  });
  afterAll(async () => issuer?.close());
  const browser = useBrowser();
  const server = useServer(env);
  const session = useSession(browser, server);

  it('"Continue with Test ID" signs in at the provider and lands on the home page, signed in', async () => {
    const { page, problems } = session;
    await page.goto('/login');
    await link(page, 'Continue with Test ID').click();

    // The provider's own sign-in page.
    await page.waitForURL((url) => url.origin === issuer!.url);
    await field(page, 'Account').fill('ada-at-test-id');
    await button(page, 'Sign in').click();

    await waitForPath(page, '/');
    await visible(composeBox(page), 'the compose box of the home page');
    await visible(logOutButton(page), 'the "Log out" button');

    await page.goto('/settings');
    const methods = page.getByRole('region', { name: 'Sign-in methods' });
    await visible(methods.getByText('Test ID (ada@lovelace.test)'), 'Test ID among the linked providers');
    await visible(methods.getByRole('link', { name: 'Set a password' }), 'how to set a password');
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(me).toMatchObject({ username: 'ada_oidc', email_verified: true });
    expectNoProblems(problems, 'signing in with Test ID');
  });

  it('a refused sign-in comes back to the login page saying why, signed out', async () => {
    const { page, problems } = session;
    // A callback this browser never started a flow for.
    await page.goto('/api/v1/auth/oidc/test/callback?code=stolen&state=forged');
    await waitForPath(page, '/login');
    await visible(page.getByText('That sign-in expired or was already used. Start again.'), 'the refusal');
    expect(await logOutButton(page).count(), 'not signed in').toBe(0);
    expectNoProblems(problems, 'on /login after a refused sign-in');
  });
});
