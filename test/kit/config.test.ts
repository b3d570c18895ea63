import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, FolderStore, loadConfig, openObjectStore, S3Store } from '@starling/kit';

describe('loadConfig', () => {
  it('has working defaults for the embedded mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info' });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'yes'],
    ['S3_ENDPOINT', 'minio:9000'],
    ['S3_ENDPOINT', 'ftp://minio'],
    ['S3_BUCKET', 'Pictures_2'],
    ['S3_FORCE_PATH_STYLE', 'yes'],
    ['MEDIA_PUBLIC_URL', 'cdn.example.com'],
    ['MEDIA_PUBLIC_URL', 'https://cdn.example.com/'],
    ['MEDIA_PUBLIC_URL', 'https://cdn.example.com/media/'],
  ])('names %s=%s in one line when it is invalid', (name, value) => {
    let message = '';
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain(name);
    expect(message).toContain(value);
    expect(message).not.toContain('\n');
  });

  it('keeps objects in a folder unless S3_BUCKET is set; path-style addressing follows S3_ENDPOINT', () => {
    const folder = loadConfig({});
    expect(folder).toMatchObject({ S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: false });
    expect(folder.S3_BUCKET).toBeUndefined();
    expect(loadConfig({ S3_ENDPOINT: 'http://minio:9000/' })).toMatchObject({
      S3_ENDPOINT: 'http://minio:9000',
      S3_FORCE_PATH_STYLE: true,
    });
    expect(loadConfig({ S3_ENDPOINT: 'https://r2.example', S3_FORCE_PATH_STYLE: 'false' }).S3_FORCE_PATH_STYLE).toBe(
      false,
    );
    expect(loadConfig({ MEDIA_PUBLIC_URL: 'https://cdn.example.com/media' }).MEDIA_PUBLIC_URL).toBe(
      'https://cdn.example.com/media',
    );
  });

  it('asks for both S3 credentials or neither, naming the missing one', () => {
    expect(() => loadConfig({ S3_BUCKET: 'pics', S3_ACCESS_KEY_ID: 'id' })).toThrow(
      /^Invalid environment variable S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({ S3_BUCKET: 'pics', S3_SECRET_ACCESS_KEY: 'secret' })).toThrow(/S3_ACCESS_KEY_ID/);
    expect(loadConfig({ S3_BUCKET: 'pics', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' }).S3_BUCKET).toBe(
      'pics',
    );
  });

  it('opens the store the configuration names', async () => {
    const s3 = await openObjectStore(loadConfig({ S3_BUCKET: 'pics', S3_ENDPOINT: 'http://minio:9000' }), {
      dataDir: 'memory://',
    });
    expect(s3.store).toBeInstanceOf(S3Store);
    expect(s3.store.publicUrl('a/b')).toBe('http://minio:9000/pics/a/b');
    await s3.close();
    const folder = await openObjectStore(loadConfig({ MEDIA_PUBLIC_URL: 'https://cdn.example.com' }), {
      dataDir: 'memory://',
    });
    expect(folder.store).toBeInstanceOf(FolderStore);
    expect(folder.store.publicUrl('a/b')).toBe('https://cdn.example.com/media/a/b');
    await folder.store.put('a/b', Buffer.from('x'), { contentType: 'text/plain' });
    const root = (folder.store as FolderStore).root;
    await folder.close();
    expect(existsSync(root)).toBe(false);
  });
});
