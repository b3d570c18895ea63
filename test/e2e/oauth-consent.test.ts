import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serverModeTitle, serverModes, signUpViaApi, useBrowser, useServer, useSession } from '../support/browser.js';
import { button, eventually, expectNoProblems, field, gone, visible, waitForPath } from './ui.js';

/*
 * A third-party app sends a person to Starling's consent page (OAuth 2 with PKCE): they
 * log in, see the app's name and what it asks for, click Authorize and land back on the
 * app's redirect URI with a code, which the app exchanges for a token that works. Then,
 * on Settings → Authorized apps, they revoke it, and the token stops working.
 */
const CALLBACK = 'https://app.example/callback';

for (const mode of serverModes) {
  describe.skipIf(!!mode.missing)(`OAuth consent in the web app ${serverModeTitle(mode)}`, { timeout: 90_000 }, () => {
    const browser = useBrowser();
    const server = useServer({}, mode);
    const session = useSession(browser, server);

    it('an app asks, the person authorizes it, the app gets a working token, and the person revokes it', async () => {
      await signUpViaApi(server, 'ada', 'Ada Lovelace');
      const registered = await server.api('/api/v1/apps', {
        method: 'POST',
        json: { client_name: 'Pigeon', redirect_uris: CALLBACK, scopes: 'read write', website: 'https://app.example' },
      });
      const app = (await registered.json()) as { client_id: string; client_secret: string };
      const verifier = randomBytes(32).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');

      // The app's own site: where the browser lands with the code.
      let landed: URL | undefined;
      await session.page.route('https://app.example/**', async (route) => {
        landed = new URL(route.request().url());
        await route.fulfill({ status: 200, contentType: 'text/plain', body: 'Pigeon got the answer' });
      });

      const query = new URLSearchParams({
        client_id: app.client_id,
        redirect_uri: CALLBACK,
        response_type: 'code',
        scope: 'read write:statuses',
        state: 'st4te',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      });
      await session.page.goto(`/oauth/authorize?${query}`);
      // Not signed in: to the login page first, then back.
      await waitForPath(session.page, '/login');
      await field(session.page, 'Username').fill('ada');
      await field(session.page, 'Password').fill('correct horse battery');
      await button(session.page, 'Log in').click();
      await waitForPath(session.page, '/oauth/authorize');
      await visible(session.page.getByRole('heading', { name: 'Authorize Pigeon?' }), 'the consent page');
      const permissions = session.page.getByRole('list', { name: 'Requested permissions' });
      await visible(permissions.getByText('Read all your account data'), 'the read scope');
      await visible(permissions.getByText('Post and delete posts'), 'the write:statuses scope');

      await button(session.page, 'Authorize').click();
      await session.page.waitForURL((url) => url.origin === 'https://app.example');
      expect(landed?.pathname).toBe('/callback');
      expect(landed?.searchParams.get('state')).toBe('st4te');
      const code = landed?.searchParams.get('code');
      expect(code).toBeTruthy();

      const exchanged = await server.api('/oauth/token', {
        method: 'POST',
        json: {
          grant_type: 'authorization_code',
          code,
          redirect_uri: CALLBACK,
          client_id: app.client_id,
          client_secret: app.client_secret,
          code_verifier: verifier,
        },
      });
      expect(exchanged.status).toBe(200);
      const { access_token: token } = (await exchanged.json()) as { access_token: string };
      expect((await server.api('/api/v2/timelines/home', { token })).status).toBe(200);

      await session.page.goto('/settings');
      await session.page.getByRole('link', { name: 'Apps you let use your account' }).click();
      await waitForPath(session.page, '/settings/apps');
      const revoke = button(session.page, 'Revoke Pigeon');
      await visible(revoke, 'the authorized app');
      await revoke.click();
      await gone(revoke, 'the revoked app');
      await visible(session.page.getByText('You have not authorized any app.'), 'the empty list');
      // Every process refuses the token within a moment of the revocation.
      await eventually(async () => expect((await server.api('/api/v2/timelines/home', { token })).status).toBe(401));
      expectNoProblems(session.problems, 'on the consent and authorized-apps pages');
    });
  });
}
