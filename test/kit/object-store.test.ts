import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { startS3 } from '../support/s3.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FolderStore,
  installErrorHandling,
  installFolderRoutes,
  InvalidObjectKey,
  S3Store,
  type ObjectStore,
} from '@starling/kit';

/*
 * One behaviour, two stores: what the media service relies on holds for the folder the
 * embedded mode keeps and for an S3-compatible store (s3rver, an emulator, in process).
 * Uploads go as a browser sends them: Node's fetch with a FormData, fields first.
 */

interface Subject {
  store: ObjectStore;
  /** Whether the store checks a presigned form's limits itself (s3rver does not). */
  enforcesUploadForms: boolean;
  close(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });

/** A folder store served by a server of its own, as the embedded process serves it. */
async function folderSubject(): Promise<Subject & { store: FolderStore; folder: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'starling-folder-store-'));
  const port = await freePort();
  const store = new FolderStore({ root: join(folder, 'media'), publicBaseUrl: `http://127.0.0.1:${port}` });
  const app: FastifyInstance = Fastify();
  installErrorHandling(app);
  await app.register(multipart);
  installFolderRoutes(app, store);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    store,
    folder,
    enforcesUploadForms: true,
    async close() {
      await app.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * s3rver in a temporary folder on a free port, with a bucket made for the test. It
 * takes POST uploads but checks none of the policy's conditions (size, type, expiry):
 * for S3 those checks are the policy document's, read back in a test of its own. Its
 * continuation tokens use a cipher Node 20's OpenSSL no longer has, so listing over
 * several pages is checked against pages the test hands the client instead.
 */
async function s3Subject(): Promise<Subject & { store: S3Store }> {
  const s3 = await startS3();
  const store = new S3Store({
    bucket: s3.bucket,
    endpoint: s3.endpoint,
    region: 'us-east-1',
    credentials: s3.credentials,
    forcePathStyle: true,
  });
  return {
    store,
    enforcesUploadForms: false,
    async close() {
      store.close();
      await s3.close();
    },
  };
}

const png = (size: number) => Buffer.alloc(size, 7);

async function upload(url: string, fields: Record<string, string>, file: Blob): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, 'picture.png');
  return fetch(url, { method: 'POST', body: form });
}

/** The form's content type field, whatever its case (`Content-Type` for S3). */
const contentTypeField = (fields: Record<string, string>) =>
  Object.keys(fields).find((f) => /^content-type$/i.test(f))!;

function behavesAsAnObjectStore(name: string, open: () => Promise<Subject>) {
  describe(`${name} as an ObjectStore`, () => {
    let subject: Subject;
    let store: ObjectStore;
    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(async () => subject?.close());

    it('gives back what was put, with its size, and a public URL that serves it with its type', async () => {
      await store.put('round/01HX/original.png', png(10), { contentType: 'image/png' });
      expect(await store.get('round/01HX/original.png')).toEqual(png(10));
      expect(await store.size('round/01HX/original.png')).toBe(10);
      const served = await fetch(store.publicUrl('round/01HX/original.png'));
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await served.arrayBuffer())).toEqual(png(10));
    });

    it('replaces an object put again under its key', async () => {
      await store.put('round/replaced', png(3), { contentType: 'image/png' });
      await store.put('round/replaced', Buffer.from('webp'), { contentType: 'image/webp' });
      expect((await store.get('round/replaced'))?.toString()).toBe('webp');
      expect(await store.size('round/replaced')).toBe(4);
    });

    it('answers undefined for a key with no object', async () => {
      expect(await store.get('missing/01HX')).toBeUndefined();
      expect(await store.size('missing/01HX')).toBeUndefined();
      expect(await store.list('missing/')).toEqual([]);
    });

    it('lists the keys under a prefix', async () => {
      const keys = ['list/a/1', 'list/a/2', 'list/a/3', 'list/ab', 'list/b/1'];
      for (const key of keys) await store.put(key, png(1), { contentType: 'image/png' });
      expect((await store.list('list/a/')).sort()).toEqual(['list/a/1', 'list/a/2', 'list/a/3']);
      expect((await store.list('list/a')).sort()).toEqual(['list/a/1', 'list/a/2', 'list/a/3', 'list/ab']);
      expect((await store.list('list/')).sort()).toEqual(keys);
      expect(await store.list('')).toEqual(expect.arrayContaining(keys));
    });

    it('deletes objects, a key with none being no error', async () => {
      await store.put('gone/1', png(1), { contentType: 'image/png' });
      await store.put('gone/2', png(1), { contentType: 'image/png' });
      await store.put('gone/kept', png(1), { contentType: 'image/png' });
      await store.delete(['gone/1', 'gone/2', 'gone/never']);
      expect(await store.get('gone/1')).toBeUndefined();
      expect(await store.size('gone/2')).toBeUndefined();
      expect(await store.list('gone/')).toEqual(['gone/kept']);
      await store.delete([]);
    });

    it.each([
      '../etc/passwd',
      '/etc/passwd',
      'a/../../b',
      'a//b',
      'a/',
      '',
      'a b',
      'ä',
      'a/./b',
      'a~type',
      'x'.repeat(1025),
    ])('refuses a bad key (%#)', async (key) => {
      await expect(store.put(key, png(1), { contentType: 'image/png' })).rejects.toThrow(InvalidObjectKey);
      await expect(store.get(key)).rejects.toThrow(InvalidObjectKey);
      await expect(store.size(key)).rejects.toThrow(InvalidObjectKey);
      await expect(store.delete([key])).rejects.toThrow(InvalidObjectKey);
      expect(() => store.publicUrl(key)).toThrow(InvalidObjectKey);
      await expect(
        store.presignUpload(key, { contentType: 'image/png', maxBytes: 10, expiresInSeconds: 60 }),
      ).rejects.toThrow(InvalidObjectKey);
    });

    it('refuses a prefix no key could start with', async () => {
      await expect(store.list('../')).rejects.toThrow(InvalidObjectKey);
    });

    it('takes a presigned upload posted as a browser would, and answers 204', async () => {
      const form = await store.presignUpload('uploads/01HX', {
        contentType: 'image/png',
        maxBytes: 64,
        expiresInSeconds: 60,
      });
      expect(form.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
      expect(form.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
      const res = await upload(form.url, form.fields, new Blob([png(64)], { type: 'image/png' }));
      expect(res.status, await res.clone().text()).toBe(204);
      expect(await store.get('uploads/01HX')).toEqual(png(64));
      const served = await fetch(store.publicUrl('uploads/01HX'));
      expect(served.headers.get('content-type')).toBe('image/png');
    });

    // s3rver checks no POST policy: for S3 the policy itself is read back below instead.
    if (subjectEnforces(name))
      describe('refusing an upload outside its form', () => {
        const presign = (key: string, expiresInSeconds = 60) =>
          store.presignUpload(key, { contentType: 'image/png', maxBytes: 16, expiresInSeconds });

        it('over max bytes', async () => {
          const form = await presign('refused/big');
          const res = await upload(form.url, form.fields, new Blob([png(17)], { type: 'image/png' }));
          expect(res.status).toBe(name === 'FolderStore' ? 413 : 400);
          expect(await store.get('refused/big')).toBeUndefined();
        });

        it('with another content type than the one signed', async () => {
          const form = await presign('refused/type');
          const fields = { ...form.fields, [contentTypeField(form.fields)]: 'text/html' };
          const res = await upload(form.url, fields, new Blob(['<script>'], { type: 'text/html' }));
          expect(res.status).toBe(403);
          expect(await store.get('refused/type')).toBeUndefined();
        });

        it('for another key than the one signed', async () => {
          const form = await presign('refused/key');
          const res = await upload(
            form.url,
            { ...form.fields, key: 'refused/other' },
            new Blob([png(4)], { type: 'image/png' }),
          );
          expect(res.status).toBe(403);
          expect(await store.get('refused/other')).toBeUndefined();
        });
      });
  });
}

/** s3rver checks no POST policy; the S3 policy is read back below instead. */
const subjectEnforces = (name: string) => name === 'FolderStore';

behavesAsAnObjectStore('FolderStore', folderSubject);
behavesAsAnObjectStore('S3Store', s3Subject);

describe('FolderStore alone', () => {
  let subject: Awaited<ReturnType<typeof folderSubject>>;
  beforeAll(async () => {
    subject = await folderSubject();
  });
  afterAll(async () => subject?.close());

  const presign = (key: string, expiresInSeconds = 60) =>
    subject.store.presignUpload(key, { contentType: 'image/png', maxBytes: 16, expiresInSeconds });

  it('refuses an upload after its form expired, or with a tampered signature, with 403', async () => {
    const late = await presign('refused/late', -1);
    const res = await upload(late.url, late.fields, new Blob([png(4)], { type: 'image/png' }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/expired/);
    const form = await presign('refused/tampered');
    const tampered = { ...form.fields, max_bytes: '1000000' };
    expect((await upload(form.url, tampered, new Blob([png(4)], { type: 'image/png' }))).status).toBe(403);
    const signature = { ...form.fields, signature: `${form.fields.signature!.slice(0, -2)}AA` };
    expect((await upload(form.url, signature, new Blob([png(4)], { type: 'image/png' }))).status).toBe(403);
    expect(await subject.store.list('refused/')).toEqual([]);
  });

  it('refuses a file of another type than the form names with 415, and an empty one with 400', async () => {
    const form = await presign('refused/mismatch');
    const res = await upload(form.url, form.fields, new Blob(['GIF89a'], { type: 'image/gif' }));
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await upload(form.url, form.fields, new Blob([], { type: 'image/png' }))).status).toBe(400);
  });

  it('answers the relative /media-uploads and /media/ paths when no public URL is set', async () => {
    const store = new FolderStore({ root: join(subject.folder, 'other'), secret: 'a fixed secret' });
    expect(store.publicUrl('a/b.png')).toBe('/media/a/b.png');
    expect(
      (await store.presignUpload('a/b.png', { contentType: 'image/png', maxBytes: 1, expiresInSeconds: 1 })).url,
    ).toBe('/media-uploads');
  });

  it('keeps its signing key beside the folder, readable by its owner alone, the same after a restart', async () => {
    const secretFile = join(subject.folder, 'media-upload.secret');
    expect((await stat(secretFile)).mode & 0o777).toBe(0o600);
    const form = await presign('restart/01HX');
    const restarted = new FolderStore({ root: join(subject.folder, 'media') });
    await expect(restarted.checkUpload(form.fields)).resolves.toMatchObject({ key: 'restart/01HX', maxBytes: 16 });
    expect((await readFile(secretFile)).length).toBeGreaterThanOrEqual(32);
  });

  it('writes objects whole: no temporary file is left, and no content-type file is listed', async () => {
    await subject.store.put('whole/01HX', png(5), { contentType: 'image/png' });
    expect(await subject.store.list('whole/')).toEqual(['whole/01HX']);
    expect(await readFile(join(subject.folder, 'media', 'whole', '01HX~type'), 'utf8')).toBe('image/png');
  });
});

describe('S3Store alone', () => {
  let subject: Awaited<ReturnType<typeof s3Subject>>;
  beforeAll(async () => {
    subject = await s3Subject();
  });
  afterAll(async () => subject?.close());

  it('presigns a POST policy with the size range, the exact type and key, and a 204 answer', async () => {
    const form = await subject.store.presignUpload('uploads/01HX', {
      contentType: 'image/jpeg',
      maxBytes: 5000,
      expiresInSeconds: 120,
    });
    expect(form.url).toBe(`${new URL(subject.store.publicUrl('x')).origin}/starling-test`);
    expect(form.fields).toMatchObject({
      key: 'uploads/01HX',
      'Content-Type': 'image/jpeg',
      success_action_status: '204',
    });
    const policy = JSON.parse(Buffer.from(form.fields.Policy!, 'base64').toString()) as {
      expiration: string;
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 5000],
        ['eq', '$Content-Type', 'image/jpeg'],
        ['eq', '$key', 'uploads/01HX'],
        { success_action_status: '204' },
        { bucket: 'starling-test' },
      ]),
    );
    expect(Math.abs(new Date(policy.expiration).getTime() - form.expiresAt.getTime())).toBeLessThan(2000);
  });

  it('lists every page, passing each continuation token on', async () => {
    const store = new S3Store({ bucket: 'pics', region: 'us-east-1', forcePathStyle: false, pageSize: 2 });
    const asked: Array<{ ContinuationToken?: string; MaxKeys?: number; Prefix?: string }> = [];
    const pages = [
      { Contents: [{ Key: 'p/1' }, { Key: 'p/2' }], IsTruncated: true, NextContinuationToken: 'next-1' },
      { Contents: [{ Key: 'p/3' }, { Key: 'p/4' }], IsTruncated: true, NextContinuationToken: 'next-2' },
      { Contents: [{ Key: 'p/5' }], IsTruncated: false },
    ];
    store.client.send = (async (command: { input: (typeof asked)[number] }) => {
      asked.push(command.input);
      return pages[asked.length - 1];
    }) as never;
    expect(await store.list('p/')).toEqual(['p/1', 'p/2', 'p/3', 'p/4', 'p/5']);
    expect(asked.map((input) => [input.Prefix, input.MaxKeys, input.ContinuationToken])).toEqual([
      ['p/', 2, undefined],
      ['p/', 2, 'next-1'],
      ['p/', 2, 'next-2'],
    ]);
  });

  it('deletes in batches of 1000 keys', async () => {
    const keys = Array.from({ length: 1003 }, (_, i) => `batch/${String(i).padStart(4, '0')}`);
    const sent: number[] = [];
    const send = subject.store.client.send.bind(subject.store.client);
    subject.store.client.send = ((command: { input: { Delete?: { Objects: unknown[] } } }) => {
      if (command.input.Delete) sent.push(command.input.Delete.Objects.length);
      return send(command as never);
    }) as typeof send;
    try {
      await subject.store.delete(keys);
    } finally {
      subject.store.client.send = send;
    }
    expect(sent).toEqual([1000, 3]);
  });

  it('makes public URLs from MEDIA_PUBLIC_URL, or the bucket path-style or virtual-host style', () => {
    const options = { bucket: 'pics', region: 'eu-west-1' };
    const key = 'media/01HX/original.png';
    expect(
      new S3Store({ ...options, forcePathStyle: false, publicBaseUrl: 'https://cdn.example' }).publicUrl(key),
    ).toBe(`https://cdn.example/${key}`);
    expect(new S3Store({ ...options, forcePathStyle: true, endpoint: 'http://minio:9000' }).publicUrl(key)).toBe(
      `http://minio:9000/pics/${key}`,
    );
    expect(new S3Store({ ...options, forcePathStyle: false, endpoint: 'https://r2.example' }).publicUrl(key)).toBe(
      `https://pics.r2.example/${key}`,
    );
    expect(new S3Store({ ...options, forcePathStyle: false }).publicUrl(key)).toBe(
      `https://pics.s3.eu-west-1.amazonaws.com/${key}`,
    );
  });
});
