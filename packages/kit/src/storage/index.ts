import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { FolderStore } from './folder-store.js';
import type { ObjectStore } from './object-store.js';
import { S3Store } from './s3-store.js';

export { FOLDER_UPLOAD_MAX_BYTES, installFolderRoutes } from './folder-routes.js';
export * from './folder-store.js';
export * from './keys.js';
export * from './object-store.js';
export * from './s3-store.js';

/** An object store and how to let go of it when the process closes. */
export interface OpenedObjectStore {
  store: ObjectStore;
  close(): Promise<void>;
}

/**
 * The process's object store: S3 (or any S3-compatible store) when S3_BUCKET is set,
 * otherwise the folder `<dataDir>/media`. With `memory://` (tests) the folder is a
 * fresh temporary one, removed on close.
 */
export async function openObjectStore(
  config: Pick<
    Config,
    | 'S3_BUCKET'
    | 'S3_ENDPOINT'
    | 'S3_REGION'
    | 'S3_ACCESS_KEY_ID'
    | 'S3_SECRET_ACCESS_KEY'
    | 'S3_FORCE_PATH_STYLE'
    | 'MEDIA_PUBLIC_URL'
  >,
  options: { dataDir: string },
): Promise<OpenedObjectStore> {
  if (config.S3_BUCKET) {
    const store = new S3Store({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      credentials:
        config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
          : undefined,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      publicBaseUrl: config.MEDIA_PUBLIC_URL,
    });
    return { store, close: async () => store.close() };
  }
  const temporary = options.dataDir === 'memory://' ? await mkdtemp(join(tmpdir(), 'starling-media-')) : undefined;
  const store = new FolderStore({
    root: join(temporary ?? resolve(options.dataDir), 'media'),
    publicBaseUrl: config.MEDIA_PUBLIC_URL,
  });
  return {
    store,
    close: async () => {
      if (temporary) await rm(temporary, { recursive: true, force: true });
    },
  };
}
