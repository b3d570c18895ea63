import type { MediaAttachment, Tweet } from '@starling/sdk';
import sharp from 'sharp';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actionsOf } from '../support/actions.js';
import { eventually, expectProblem } from '../support/assertions.js';
import { decompressionBomb, form, photo, png, SECRETS, truncatedJpeg, type FormPart } from '../support/pictures.js';
import { inEachStorageMode, startStarling, useStarling, type Starling } from '../support/starling.js';

const file = (bytes: Buffer, filename = 'photo.jpg', type = 'image/jpeg'): FormPart => ({
  name: 'file',
  filename,
  type,
  bytes,
});

inEachStorageMode(
  'media API v2',
  (mode) => {
    const s = useStarling(mode, { MEDIA_IMAGE_MAX_BYTES: '2000000' });
    const { getOk, expectStatus, followOk, upload, uploadOk } = actionsOf(s);
    const media = (id: string, token: string) => s.request({ url: `/api/v2/media/${id}`, token });
    /** Waits for every consumer and job (the extractor) to finish what is in the log. */
    const settled = () => s.platform.bus.drain();
    const objects = () => s.platform.contexts.find((c) => c.name === 'media')!.objects;
    /** A served file's bytes, by the URL the API gave. */
    const served = async (url: string) => {
      const res = await s.request({ url: new URL(url, 'http://starling.test').pathname });
      expect(res.statusCode, url).toBe(200);
      return res.rawPayload;
    };

    it('converts a photo: upright, metadata gone, a preview and a BlurHash, and only its owner sees it', async () => {
      const ada = await s.signUp('md_ada');
      const res = await upload(ada.token, [file(await photo()), { name: 'description', value: 'A red square' }]);
      expect(res.statusCode, res.body).toBe(202);
      const accepted = res.json() as MediaAttachment;
      expect(accepted).toMatchObject({ type: 'image', url: null, preview_url: null, description: 'A red square' });
      expect(['processing', 'ready']).toContain(accepted.state);
      expect(res.headers.location).toBe(`/api/v2/media/${accepted.id}`);

      await settled();
      const ready = (await media(accepted.id, ada.token)).json() as MediaAttachment;
      expect(ready).toMatchObject({ id: accepted.id, state: 'ready', type: 'image', description: 'A red square' });
      expect(ready.meta).toEqual({
        original: { width: 200, height: 300, aspect: 0.667 },
        small: { width: 200, height: 300, aspect: 0.667 },
      });
      expect(ready.blurhash).toMatch(/^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{6,}$/);

      const bytes = await served(ready.url!);
      const shown = await sharp(bytes).metadata();
      expect({ format: shown.format, width: shown.width, height: shown.height }).toEqual({
        format: 'webp',
        width: 200,
        height: 300,
      });
      expect(shown.exif).toBeUndefined();
      for (const secret of [SECRETS.make, SECRETS.copyright, 'GPS']) expect(bytes.includes(secret)).toBe(false);
      expect((await sharp(await served(ready.preview_url!)).metadata()).format).toBe('webp');
      // The original, metadata and all, is not kept once converted.
      expect((await objects().list('originals/')).filter((k) => k.includes(accepted.id))).toEqual([]);

      const bob = await s.signUp('md_bob');
      expectProblem(await media(accepted.id, bob.token), 404);
      expectProblem(await s.request({ url: `/api/v2/media/${accepted.id}` }), 401);
    });

    it('refuses what is not what it claims, and keeps nothing of it', async () => {
      const cy = await s.signUp('md_cy');
      const before = await objects().list('');
      const pngNamedJpg = await upload(cy.token, [file(await png(), 'holiday.jpg', 'image/jpeg')]);
      expectProblem(pngNamedJpg, 422, ['file']);
      expect(pngNamedJpg.json().detail).toMatch(/image\/png/);
      const textNamedPng = await upload(cy.token, [
        file(Buffer.from('just some text, honest'), 'cat.png', 'image/png'),
      ]);
      expectProblem(textNamedPng, 422, ['file']);
      const bomb = await upload(cy.token, [file(decompressionBomb(), 'bomb.png', 'image/png')]);
      expectProblem(bomb, 422, ['file']);
      expect(bomb.json().detail).toMatch(/50000 × 50000|50,000/);
      expect(await objects().list('')).toEqual(before);
    });

    it('fails a truncated picture with a reason, once, without retrying forever', async () => {
      const dee = await s.signUp('md_dee');
      const accepted = await uploadOk(dee.token, [file(await truncatedJpeg())]);
      await settled();
      const failed = (await media(accepted.id, dee.token)).json() as MediaAttachment;
      expect(failed).toMatchObject({ state: 'failed', url: null, preview_url: null, meta: null });
      expect(failed.reason).toMatch(/damaged|truncated|decoded/);
    });

    it('answers 413 over MEDIA_IMAGE_MAX_BYTES, and 415 for a body that is not a form', async () => {
      const eve = await s.signUp('md_eve');
      const big = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#000' } })
        .png({ compressionLevel: 0 })
        .toBuffer();
      expect(big.length).toBeGreaterThan(2_000_000);
      expectProblem(await upload(eve.token, [file(big, 'big.png', 'image/png')]), 413);
      expectProblem(
        await s.request({ method: 'POST', url: '/api/v2/media', token: eve.token, json: { file: 'x' } }),
        415,
      );
      expectProblem(await upload(eve.token, [{ name: 'description', value: 'no file' }]), 400, ['file']);
    });

    it('changes the description, for its owner only', async () => {
      const fay = await s.signUp('md_fay');
      const gus = await s.signUp('md_gus');
      const { id } = await uploadOk(fay.token, [file(await png(), 'a.png', 'image/png')]);
      const put = (token: string, description: unknown) =>
        s.request({ method: 'PUT', url: `/api/v2/media/${id}`, token, json: { description } });
      const changed = await put(fay.token, 'Blue, mostly');
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ id, description: 'Blue, mostly' });
      expectProblem(await put(gus.token, 'mine now'), 404);
      expectProblem(await put(fay.token, 'x'.repeat(1501)), 400, ['description']);
      expect(((await media(id, fay.token)).json() as MediaAttachment).description).toBe('Blue, mostly');
    });

    it('shows pictures in tweets, timelines and search, in order, media-only tweets too', async () => {
      const hal = await s.signUp('md_hal');
      const ivy = await s.signUp('md_ivy');
      await followOk(ivy.token, hal.id);
      const first = await uploadOk(hal.token, [file(await png(40, 30), 'one.png', 'image/png')]);
      const second = await uploadOk(hal.token, [file(await photo())]);
      const posted = await expectStatus<Tweet>(
        {
          method: 'POST',
          url: '/api/v2/tweets',
          token: hal.token,
          json: { body: 'two #pictures', media_ids: [second.id, first.id] },
        },
        201,
      );
      expect(posted.media_attachments.map((m) => m.id)).toEqual([second.id, first.id]);
      await settled();
      const ids = (t: Tweet) => t.media_attachments.map((m) => [m.id, m.state]);
      const want = [
        [second.id, 'ready'],
        [first.id, 'ready'],
      ];
      expect(ids(await getOk(posted.id))).toEqual(want);
      const home = await s.request({ url: '/api/v2/timelines/home', token: ivy.token });
      expect(ids((home.json().tweets_list as Tweet[]).find((t) => t.id === posted.id)!)).toEqual(want);
      const tag = await s.request({ url: '/api/v2/timelines/tag/pictures' });
      expect(ids(tag.json().tweets_list[0] as Tweet)).toEqual(want);
      const found = await s.request({ url: '/api/v2/search?q=pictures&type=tweets' });
      expect(ids(found.json().tweets_list[0] as Tweet)).toEqual(want);
      const [picture] = (await getOk(posted.id)).media_attachments;
      expect(picture!.meta?.original).toEqual({ width: 200, height: 300, aspect: 0.667 });

      const third = await uploadOk(hal.token, [file(await png(), 'c.png', 'image/png')]);
      const blank = await s.request({ method: 'POST', url: '/api/v2/tweets', token: hal.token, json: { body: '  ' } });
      expectProblem(blank, 400, ['body']);
      const onlyPicture = await expectStatus<Tweet>(
        { method: 'POST', url: '/api/v2/tweets', token: hal.token, json: { media_ids: [third.id] } },
        201,
      );
      expect(onlyPicture).toMatchObject({ body: '', media_attachments: [expect.objectContaining({ id: third.id })] });
    });

    it('attaches only the author’s own media that has not failed, at most 4', async () => {
      const jo = await s.signUp('md_jo');
      const kay = await s.signUp('md_kay');
      const ofKay = await uploadOk(kay.token, [file(await png(), 'k.png', 'image/png')]);
      const tweet = (token: string, json: unknown) => s.request({ method: 'POST', url: '/api/v2/tweets', token, json });
      expectProblem(await tweet(jo.token, { body: 'not mine', media_ids: [ofKay.id] }), 400, ['media_ids']);
      expectProblem(await tweet(jo.token, { body: 'unknown', media_ids: ['01HZZZZZZZZZZZZZZZZZZZZZZZ'] }), 400, [
        'media_ids',
      ]);
      const broken = await uploadOk(jo.token, [file(await truncatedJpeg())]);
      await settled();
      expectProblem(await tweet(jo.token, { body: 'broken', media_ids: [broken.id] }), 400, ['media_ids']);
      const five = await Promise.all(
        [1, 2, 3, 4, 5].map(() => png().then((b) => uploadOk(jo.token, [file(b, 'p.png', 'image/png')]))),
      );
      expectProblem(await tweet(jo.token, { body: 'five', media_ids: five.map((m) => m.id) }), 400);
      expectProblem(await tweet(jo.token, { body: '', media_ids: [] }), 400, ['body']);
    });

    it('deletes a tweet’s media from storage with the tweet, and an account’s with the account', async () => {
      const lu = await s.signUp('md_lu');
      const kept = await uploadOk(lu.token, [file(await photo())]);
      const gone = await uploadOk(lu.token, [file(await png(), 'g.png', 'image/png')]);
      const tweet = await expectStatus<Tweet>(
        { method: 'POST', url: '/api/v2/tweets', token: lu.token, json: { body: 'short-lived', media_ids: [gone.id] } },
        201,
      );
      await settled();
      const keysOf = async (id: string) => (await objects().list('')).filter((k) => k.includes(id));
      expect(await keysOf(gone.id)).toHaveLength(2);
      await expectStatus({ method: 'DELETE', url: `/api/v2/tweets/${tweet.id}`, token: lu.token }, 204);
      await settled();
      expect(await keysOf(gone.id)).toEqual([]);
      expectProblem(await media(gone.id, lu.token), 404);
      expect(await keysOf(kept.id)).toHaveLength(2);

      await expectStatus({ method: 'DELETE', url: `/api/v1/users/${lu.id}`, token: lu.token }, 204);
      await settled();
      expect(await keysOf(kept.id)).toEqual([]);
    });
  },
  { timeout: 120_000 },
);

inEachStorageMode('presigned uploads and the sweeper', (mode) => {
  // Three seconds: long enough for the attachment of a tweet's media to be recorded first.
  const s = useStarling(mode, { MEDIA_UNATTACHED_TTL_SECONDS: '3', MEDIA_SWEEP_INTERVAL_SECONDS: '1' });
  const media = (id: string, token: string) => s.request({ url: `/api/v2/media/${id}`, token });
  const objects = () => s.platform.contexts.find((c) => c.name === 'media')!.objects;
  const { uploadOk } = actionsOf(s);
  /** Posts a presigned form as a browser would: every field, then the file. */
  const storeWithForm = async (url: string, fields: Record<string, string>, picture: FormPart) => {
    const body = form([...Object.entries(fields).map(([name, value]) => ({ name, value })), picture]);
    const stored = await s.request({
      method: 'POST',
      url: new URL(url, 'http://starling.test').pathname,
      headers: { 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(stored.statusCode, stored.body).toBe(204);
  };

  it('uploads straight to storage with the form it is given, then completes; completing early is a 409', async () => {
    const ada = await s.signUp('pu_ada');
    const started = await s.request({
      method: 'POST',
      url: '/api/v2/media/uploads',
      token: ada.token,
      json: { content_type: 'image/png', description: 'Straight in' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const { id, upload_url, fields, expires_at } = started.json() as {
      id: string;
      upload_url: string;
      fields: Record<string, string>;
      expires_at: string;
    };
    expect(new Date(expires_at).getTime()).toBeGreaterThan(Date.now());
    expectProblem(await s.request({ method: 'POST', url: `/api/v2/media/${id}/complete`, token: ada.token }), 409);

    // The browser's part: every field, then the file, to the store (here, Starling's own folder store).
    await storeWithForm(upload_url, fields, file(await png(), 'p.png', 'image/png'));

    const completed = await s.request({ method: 'POST', url: `/api/v2/media/${id}/complete`, token: ada.token });
    expect(completed.statusCode, completed.body).toBe(202);
    expect(completed.json()).toMatchObject({ id, description: 'Straight in' });
    await s.platform.bus.drain();
    expect((await media(id, ada.token)).json()).toMatchObject({
      id,
      state: 'ready',
      meta: { original: { width: 64 } },
    });
    // Completing again changes nothing.
    const again = await s.request({ method: 'POST', url: `/api/v2/media/${id}/complete`, token: ada.token });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ state: 'ready' });
  });

  it('a form for a picture that turns out to be something else: refused on completion, nothing kept', async () => {
    const bob = await s.signUp('pu_bob');
    const started = await s.request({
      method: 'POST',
      url: '/api/v2/media/uploads',
      token: bob.token,
      json: { content_type: 'image/jpeg' },
    });
    const { id, upload_url, fields } = started.json() as {
      id: string;
      upload_url: string;
      fields: Record<string, string>;
    };
    await storeWithForm(upload_url, fields, file(await png(), 'p.jpg', 'image/jpeg'));
    expectProblem(await s.request({ method: 'POST', url: `/api/v2/media/${id}/complete`, token: bob.token }), 422, [
      'file',
    ]);
    expect((await objects().list('originals/')).filter((k) => k.includes(id))).toEqual([]);
  });

  it('sweeps media never attached to a tweet, and spares attached media', async () => {
    const cy = await s.signUp('pu_cy');
    const upload = async () => (await uploadOk(cy.token, [file(await png(), 'p.png', 'image/png')])).id;
    const abandoned = await upload();
    const posted = await upload();
    const tweet = await s.request({
      method: 'POST',
      url: '/api/v2/tweets',
      token: cy.token,
      json: { body: 'kept', media_ids: [posted] },
    });
    expect(tweet.statusCode, tweet.body).toBe(201);
    await eventually(async () => expectProblem(await media(abandoned, cy.token), 404), 20_000);
    await s.platform.bus.drain();
    expect((await objects().list('')).filter((k) => k.includes(abandoned))).toEqual([]);
    expect((await media(posted, cy.token)).statusCode).toBe(200);
  });
});

inEachStorageMode('media uploads over HTTP', (mode) => {
  let s: Starling;
  let base: string;
  beforeAll(async () => {
    s = await startStarling(mode, { MEDIA_IMAGE_MAX_BYTES: '1000000' });
    await s.platform.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(s.platform.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => s?.close());

  it('a file over MEDIA_IMAGE_MAX_BYTES is a 413 problem that fetch can read, and the connection goes on', async () => {
    const { token } = await s.signUp('mh_ada');
    const upload = (bytes: Buffer, name: string) => {
      const body = new FormData();
      body.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name);
      return fetch(`${base}/api/v2/media`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
    };
    const big = await sharp({ create: { width: 1500, height: 1500, channels: 3, background: '#123' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(3_000_000);
    const refused = await upload(big, 'big.png');
    expect(refused.status).toBe(413);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/larger than 1000000 bytes/);
    const accepted = await upload(await png(), 'small.png');
    expect(accepted.status).toBe(202);
  });
});
