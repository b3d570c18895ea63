import { describe, expect, it } from 'vitest';
import { PASSWORD, loginViaApi, signUpViaApi, useBrowser, useServer, useSession } from '../support/browser.js';
import { button, eventually, expectNoProblems, field, link, logInInBrowser, visible, waitForPath } from './ui.js';

/*
 * The profile page in Chromium: saving, changing the password, and a conflicting edit
 * made elsewhere, which must be reported instead of overwritten.
 */
describe('the profile page', { timeout: 60_000 }, () => {
  const browser = useBrowser();
  const server = useServer();
  const session = useSession(browser, server);

  const userById = async (id: string) => (await (await server.api(`/api/v1/users/${id}`)).json()) as { name: string };

  /** Logs in and opens /profile from the header, waiting until the form holds the current name. */
  async function openProfile(username: string, name: string) {
    const { page } = session;
    await logInInBrowser(page, username);
    await link(page, 'Profile').click();
    await waitForPath(page, '/profile');
    await eventually(async () =>
      expect(await field(page, 'Name').inputValue(), 'the form shows the current name').toBe(name),
    );
    for (const label of ['Email', 'New password', 'Current password']) {
      await visible(field(page, label), `the "${label}" field`);
    }
  }

  it('saves a new name with If-Match and says so', async () => {
    const { page, problems } = session;
    const user = await signUpViaApi(server, 'linus', 'Linus Original');
    await openProfile('linus', 'Linus Original');
    expect(await field(page, 'Email').inputValue(), 'the form shows the current email').toBe('linus@example.com');

    const ifMatch: Array<string | undefined> = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && new URL(request.url()).pathname.startsWith('/api/v1/users/')) {
        ifMatch.push(request.headers()['if-match']);
      }
    });
    await field(page, 'Name').fill('Linus Renamed');
    await button(page, 'Save').click();
    await visible(page.getByText(/saved|updated/i), 'a success message after Save');
    expect(ifMatch, 'the update was sent once, with an If-Match header').toHaveLength(1);
    expect(ifMatch[0], 'the If-Match header').toMatch(/^(W\/)?".+"$/);
    expect((await userById(user.id)).name, 'the new name is stored').toBe('Linus Renamed');

    await page.reload();
    await eventually(async () => expect(await field(page, 'Name').inputValue()).toBe('Linus Renamed'));
    expectNoProblems(problems, 'on /profile');
  });

  it('changes the password when the current one is given', async () => {
    const { page, problems } = session;
    await signUpViaApi(server, 'barbara', 'Barbara Liskov');
    await openProfile('barbara', 'Barbara Liskov');
    await field(page, 'New password').fill('a brand new passphrase');
    await field(page, 'Current password').fill(PASSWORD);
    await button(page, 'Save').click();
    await visible(page.getByText(/saved|updated/i), 'a success message after changing the password');
    await eventually(async () => expect(await loginViaApi(server, 'barbara', 'a brand new passphrase')).toBeTruthy());
    const old = await server.api('/api/v1/auth/login', {
      method: 'POST',
      json: { username: 'barbara', password: PASSWORD },
    });
    expect(old.status, 'the old password no longer works').toBe(401);
    expectNoProblems(problems, 'while changing the password');
  });

  it('reports a change made elsewhere meanwhile instead of overwriting it', async () => {
    const { page, problems } = session;
    const user = await signUpViaApi(server, 'margaret', 'Margaret Hamilton');
    await openProfile('margaret', 'Margaret Hamilton');

    // Someone else (another tab, another device) renames the account after the page loaded.
    const token = await loginViaApi(server, 'margaret');
    const elsewhere = await server.api(`/api/v1/users/${user.id}`, {
      method: 'PUT',
      token,
      json: { name: 'Edited Elsewhere' },
    });
    expect(elsewhere.status, await elsewhere.clone().text()).toBe(200);

    await field(page, 'Name').fill('Margaret From The Page');
    await button(page, 'Save').click();
    await visible(page.getByText(/changed|conflict/i), 'a message that someone else changed the profile');
    expect(await page.getByText(/saved/i).count(), 'no success message').toBe(0);
    expect((await userById(user.id)).name, 'the change made elsewhere survives').toBe('Edited Elsewhere');
    expectNoProblems(problems, 'on /profile after a conflict');
  });
});
