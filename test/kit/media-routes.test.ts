import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, FolderStore, loadConfig, mediaOrigins } from '@starling/kit';
import { expectProblem } from '../support/assertions.js';
import { startStarling, type Starling } from '../support/starling.js';

/*
 * The embedded mode's object serving: what the folder store holds, at /media/<key>, as a
 * CDN would serve it, and nothing outside the folder.
 */
describe('objects served at /media/ by an embedded process', () => {
  let starling: Starling;
  const picture = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

  beforeAll(async () => {
    starling = await startStarling({ postgres: false });
    await starling.platform.objects.put('media/01HX/original.png', picture, { contentType: 'image/png' });
  });
  afterAll(async () => starling?.close());

  it('keeps objects in a folder store when S3_BUCKET is unset', () => {
    expect(starling.platform.objects).toBeInstanceOf(FolderStore);
    expect(starling.platform.objects.publicUrl('media/01HX/original.png')).toBe('/media/media/01HX/original.png');
  });

  it('answers the bytes with the stored type, an ETag and headers that keep them inert', async () => {
    const res = await starling.request({ url: '/media/media/01HX/original.png' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(picture)).toBe(true);
    expect(res.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(picture.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    expect(res.headers.etag).toMatch(/^"[^"]+"$/);
    const again = await starling.request({
      url: '/media/media/01HX/original.png',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('serves a key longer than a path parameter may be', async () => {
    const key = `media/${'0123456789'.repeat(15)}/original.png`;
    await starling.platform.objects.put(key, picture, { contentType: 'image/png' });
    const res = await starling.request({ url: `/media/${key}` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(picture)).toBe(true);
  });

  it('answers HEAD with the headers alone', async () => {
    const res = await starling.request({ method: 'HEAD', url: '/media/media/01HX/original.png' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.body).toBe('');
  });

  it('answers a missing key with a 404 problem', async () => {
    expectProblem(await starling.request({ url: '/media/media/01HX/other.png' }), 404);
  });

  it.each([
    '/media/..%2f..%2fetc%2fpasswd',
    '/media/../../etc/passwd',
    '/media/%2e%2e/%2e%2e/etc/passwd',
    '/media/media/01HX/original.png~type',
    '/media/media/01HX/',
  ])('never serves a path outside the folder or a file that is no object: %s', async (url) => {
    const res = await starling.request({ url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).not.toContain('root:');
  });

  it('is not in the published API document', async () => {
    const document = (await starling.request({ url: '/openapi.json' })).json();
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/media'))).toEqual([]);
  });
});

describe("the web app's policy for pictures", () => {
  const policy = (env: Record<string, string>) => contentSecurityPolicy(mediaOrigins(loadConfig(env)));
  const directive = (text: string, name: string) => text.split('; ').find((d) => d.startsWith(`${name} `));

  it('allows its own origin, data: and blob: pictures, and uploads to itself, with the folder store', () => {
    expect(directive(policy({}), 'img-src')).toBe("img-src 'self' data: blob:");
    expect(directive(policy({}), 'connect-src')).toBe("connect-src 'self'");
    expect(directive(policy({ MEDIA_PUBLIC_URL: 'https://cdn.example.com/m' }), 'img-src')).toBe(
      "img-src 'self' data: blob: https://cdn.example.com",
    );
  });

  it('allows the bucket for uploads, and MEDIA_PUBLIC_URL (or else the bucket) for pictures', () => {
    const minio = { S3_BUCKET: 'pics', S3_ENDPOINT: 'http://minio.local:9000' };
    expect(directive(policy(minio), 'img-src')).toBe("img-src 'self' data: blob: http://minio.local:9000");
    expect(directive(policy(minio), 'connect-src')).toBe("connect-src 'self' http://minio.local:9000");
    const aws = { S3_BUCKET: 'pics', S3_REGION: 'eu-west-1', MEDIA_PUBLIC_URL: 'https://cdn.example.com' };
    expect(directive(policy(aws), 'img-src')).toBe("img-src 'self' data: blob: https://cdn.example.com");
    expect(directive(policy(aws), 'connect-src')).toBe("connect-src 'self' https://pics.s3.eu-west-1.amazonaws.com");
    expect(policy(aws)).toContain("default-src 'self'; script-src 'self'; style-src 'self';");
    expect(policy(aws)).toContain("object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  });
});
