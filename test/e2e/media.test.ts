import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { followViaApi, openSession, signUpViaApi, useBrowser, useServer, useSession } from '../support/browser.js';
import { photo, SECRETS } from '../support/pictures.js';
import { button, composeBox, eventually, expectNoProblems, field, logInInBrowser, tweetItem, visible } from './ui.js';

/*
 * A picture posted from the web app, in Chromium, on the embedded server: uploaded from
 * the compose box, converted by the extractor, shown in the author's tweet and, through
 * the live stream, in a follower's home; and what is served carries no metadata.
 */
describe('pictures in the web app on `starling start` (embedded)', { timeout: 90_000 }, () => {
  const browser = useBrowser();
  const server = useServer();
  const session = useSession(browser, server);

  const streamOpened = (page: Page) =>
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v2/streaming/home' && r.status() === 200);

  /** Waits until the image has really loaded in the page (its bytes decoded). */
  const loaded = (page: Page, alt: string) =>
    eventually(async () => {
      const img = page.getByRole('img', { name: alt }).first();
      expect(
        await img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth),
      ).toBeGreaterThan(0);
      return img;
    });

  it('uploads a photo with alt text, posts it, and the follower sees it stream in with its preview', async () => {
    const ada = await signUpViaApi(server, 'pic_ada', 'Ada');
    const grace = await signUpViaApi(server, 'pic_grace', 'Grace');
    await followViaApi(server, grace.token, ada.id);

    // Grace watches her home timeline.
    const g = await openSession(browser.browser, server.base);
    try {
      await logInInBrowser(g.page, 'pic_grace');
      await g.page.goto('/');
      const opened = streamOpened(g.page);
      await g.page.reload();
      await opened;

      // Ada attaches a photo, describes it and posts.
      const a = session;
      await logInInBrowser(a.page, 'pic_ada');
      await visible(composeBox(a.page), "Ada's compose box");
      await a.page.getByLabel('Choose pictures').setInputFiles({
        name: 'holiday.jpg',
        mimeType: 'image/jpeg',
        buffer: await photo(),
      });
      const attached = a.page.getByRole('group', { name: 'Picture 1' });
      await visible(attached, 'the attached picture');
      await field(a.page, 'Description (alt text)').fill('A red square on holiday');
      await composeBox(a.page).fill('My holiday #pictures');
      const tweet = button(a.page, 'Tweet');
      await eventually(async () => expect(await tweet.isEnabled()).toBe(true));
      await tweet.click();

      // In Ada's tweet: the preview, with its alt text, once converted.
      const item = tweetItem(a.page, 'My holiday #pictures');
      await visible(item, "Ada's tweet");
      const img = await loaded(a.page, 'A red square on holiday');
      expect(await img.getAttribute('src')).toMatch(/^\/media\/files\//);

      // Grace sees it stream in, picture and all.
      await visible(button(g.page, '1 new tweet'), 'the "1 new tweet" button');
      await button(g.page, '1 new tweet').click();
      await visible(tweetItem(g.page, 'My holiday #pictures'), 'the streamed tweet');
      await loaded(g.page, 'A red square on holiday');

      // The viewer opens it full size.
      await (await loaded(g.page, 'A red square on holiday')).click();
      const viewer = g.page.getByRole('dialog');
      await visible(viewer, 'the picture viewer');
      await g.page.keyboard.press('Escape');
      await eventually(async () => expect(await viewer.count()).toBe(0));

      // What is served: upright (the EXIF said "rotate"), WebP, nothing of the EXIF or GPS left.
      const home = (await (await server.api('/api/v2/timelines/home', { token: grace.token })).json()) as {
        tweets_list: Array<{ body: string; media_attachments: Array<{ url: string; preview_url: string }> }>;
      };
      const [attachment] = home.tweets_list.find((t) => t.body === 'My holiday #pictures')!.media_attachments;
      for (const url of [attachment!.url, attachment!.preview_url]) {
        const bytes = Buffer.from(await (await fetch(new URL(url, server.base))).arrayBuffer());
        const meta = await sharp(bytes).metadata();
        expect({ format: meta.format, width: meta.width, height: meta.height, exif: meta.exif }).toEqual({
          format: 'webp',
          width: 200,
          height: 300,
          exif: undefined,
        });
        for (const secret of [SECRETS.make, SECRETS.copyright, 'GPS']) expect(bytes.includes(secret)).toBe(false);
      }
      expectNoProblems(a.problems, "Ada's page");
      expectNoProblems(g.problems, "Grace's page");
    } finally {
      await g.context.close();
    }
  });
});
