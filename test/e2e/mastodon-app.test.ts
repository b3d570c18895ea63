import { createHash, randomBytes } from 'node:crypto';
import { createOAuthAPIClient, createRestAPIClient, createStreamingAPIClient, type mastodon } from 'masto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serverModeTitle, serverModes, signUpViaApi, useBrowser, useServer, useSession } from '../support/browser.js';
import { button, eventually, field, visible, waitForPath } from './ui.js';

/*
 * A Mastodon app, as its users run it: the `masto` client library (what Elk and Phanpy
 * are built on) registers with Starling, sends Ada to the consent page (OAuth 2 with
 * PKCE; she clicks Authorize in Chromium), trades the code for a token, and from then on
 * speaks nothing but Mastodon's client API: it follows Bob, reads the home timeline a
 * page at a time, likes and reblogs, posts, reads notifications, and has the user stream
 * open over a WebSocket all along. Once on `starling start`, once through the gateway of
 * the distributed topology.
 */
const CALLBACK = 'https://elk.example/callback';
const SCOPES = 'read write follow push';

for (const mode of serverModes) {
  describe.skipIf(!!mode.missing)(`a Mastodon app through masto ${serverModeTitle(mode)}`, { timeout: 120_000 }, () => {
    const browser = useBrowser();
    const server = useServer({}, mode);
    const session = useSession(browser, server);

    /** Ada clicks through the consent page; the app gets the code at its redirect URI. */
    async function authorizeInBrowser(clientId: string, challenge: string): Promise<string> {
      let landed: URL | undefined;
      await session.page.route('https://elk.example/**', async (route) => {
        landed = new URL(route.request().url());
        await route.fulfill({ status: 200, contentType: 'text/plain', body: 'signed in' });
      });
      const query = new URLSearchParams({
        client_id: clientId,
        redirect_uri: CALLBACK,
        response_type: 'code',
        scope: SCOPES,
        state: 'elk-state',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      });
      await session.page.goto(`/oauth/authorize?${query}`);
      await waitForPath(session.page, '/login');
      await field(session.page, 'Username').fill('ada');
      await field(session.page, 'Password').fill('correct horse battery');
      await button(session.page, 'Log in').click();
      await waitForPath(session.page, '/oauth/authorize');
      await visible(session.page.getByRole('heading', { name: 'Authorize Elk-alike?' }), 'the consent page');
      await button(session.page, 'Authorize').click();
      await session.page.waitForURL((url) => url.origin === 'https://elk.example');
      expect(landed?.searchParams.get('state')).toBe('elk-state');
      return landed?.searchParams.get('code') ?? '';
    }

    it('registers, is authorized in the browser, and then follows, pages, likes, reblogs, posts, notifies and streams', async () => {
      const ada = await signUpViaApi(server, 'ada', 'Ada Lovelace');
      const bob = await signUpViaApi(server, 'bob', 'Bob');

      // Registration and the OAuth dance, as masto and a browser do them.
      const anonymous = createRestAPIClient({ url: server.base });
      const app = await anonymous.v1.apps.create({
        clientName: 'Elk-alike',
        redirectUris: CALLBACK,
        scopes: SCOPES,
        website: 'https://elk.example',
      });
      const verifier = randomBytes(32).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const code = await authorizeInBrowser(app.clientId!, challenge);
      expect(code).not.toBe('');
      const oauth = createOAuthAPIClient({ url: server.base });
      const params = {
        grantType: 'authorization_code',
        clientId: app.clientId!,
        clientSecret: app.clientSecret!,
        redirectUri: CALLBACK,
        scope: SCOPES,
        code,
        codeVerifier: verifier,
      } as const;
      const token = await oauth.token.create(params);
      expect(token.scope).toBe(SCOPES);
      const masto = createRestAPIClient({ url: server.base, accessToken: token.accessToken });
      const me = await masto.v1.accounts.verifyCredentials();
      expect(me).toMatchObject({ id: ada.id, username: 'ada', acct: 'ada', displayName: 'Ada Lovelace' });

      // The user stream, open over a WebSocket from here on, as the instance says where.
      const instance = await masto.v2.instance.fetch();
      expect(instance.configuration.urls.streaming).toMatch(/^wss?:\/\//);
      const streaming = createStreamingAPIClient({
        streamingApiUrl: server.base.replace(/^http/, 'ws'),
        accessToken: token.accessToken,
        implementation: WebSocket,
        retry: false,
      });
      const events: mastodon.streaming.Event[] = [];
      const user = streaming.user.subscribe();
      void (async () => {
        for await (const event of user) events.push(event);
      })();
      // masto opens the socket a moment after the subscription; a post of Ada's own, streamed
      // back to her, says it is open. (Posted again every second until one is.)
      const warmups: string[] = [];
      let lastWarmup = 0;
      await eventually(async () => {
        if (Date.now() - lastWarmup > 1000) {
          lastWarmup = Date.now();
          warmups.push((await masto.v1.statuses.create({ status: 'Is the stream open?' })).id);
        }
        expect(events.map((e) => e.event)).toContain('update');
      });
      for (const id of warmups) await masto.v1.statuses.$select(id).remove();
      events.length = 0;

      // Following Bob, whose five posts then fill Ada's home timeline.
      const relationship = await masto.v1.accounts.$select(bob.id).follow();
      expect(relationship).toMatchObject({ id: bob.id, following: true });
      const bobsPosts: string[] = [];
      for (let i = 1; i <= 5; i++) {
        const posted = await server.api('/api/v2/tweets', {
          method: 'POST',
          token: bob.token,
          json: { body: `bob's post number ${i}` },
        });
        bobsPosts.unshift(((await posted.json()) as { id: string }).id);
      }
      // The stream told Ada about each of them as Bob posted.
      await eventually(() =>
        expect(events.filter((e) => e.event === 'update').map((e) => (e.payload as mastodon.v1.Status).id)).toEqual(
          expect.arrayContaining(bobsPosts),
        ),
      );

      // The home timeline, two at a time, by the Link headers masto follows: newest first, each once.
      const paged: string[] = [];
      for await (const page of masto.v1.timelines.home.list({ limit: 2 })) {
        expect(page.length).toBeLessThanOrEqual(2);
        paged.push(...page.map((s) => s.id));
      }
      expect(paged).toEqual(bobsPosts);

      // Liking and reblogging Bob's newest post.
      const newest = bobsPosts[0]!;
      const liked = await masto.v1.statuses.$select(newest).favourite();
      expect(liked).toMatchObject({ id: newest, favourited: true, favouritesCount: 1 });
      const reblog = await masto.v1.statuses.$select(newest).reblog();
      expect(reblog.reblog).toMatchObject({ id: newest, reblogged: true, reblogsCount: 1 });
      expect((await masto.v1.statuses.$select(newest).favouritedBy.list()).map((a) => a.id)).toEqual([ada.id]);

      // Posting, with a mention that becomes a link in the HTML content.
      const mine = await masto.v1.statuses.create({ status: 'Hello @bob, from an app <3' });
      expect(mine.content).toContain('&lt;3');
      expect(mine.mentions.map((m) => m.id)).toEqual([bob.id]);
      expect((await masto.v1.statuses.$select(mine.id).fetch()).account.id).toBe(ada.id);

      // Bob follows back and likes it: notifications, listed and streamed.
      await server.api(`/api/v1/users/${ada.id}/follow`, { method: 'POST', token: bob.token });
      await server.api(`/api/v2/tweets/${mine.id}/like`, { method: 'POST', token: bob.token });
      await eventually(async () => {
        const notifications = await masto.v1.notifications.list();
        expect(notifications.map((n) => [n.type, n.account.id, n.status?.id ?? null])).toEqual([
          ['favourite', bob.id, mine.id],
          ['follow', bob.id, null],
        ]);
      });
      await eventually(() =>
        expect(
          events
            .filter((e) => e.event === 'notification')
            .map((e) => (e.payload as mastodon.v1.Notification).type)
            .sort(),
        ).toEqual(['favourite', 'follow']),
      );

      // Deleting the post is streamed as a delete of its id.
      await masto.v1.statuses.$select(mine.id).remove();
      await eventually(() =>
        expect(events.filter((e) => e.event === 'delete').map((e) => e.payload)).toContain(mine.id),
      );
      user.unsubscribe();
      streaming.close();
    });
  });
}
