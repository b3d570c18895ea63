/**
 * Object storage: where uploaded files and what workers make of them live, outside the
 * database. Two implementations behind one interface: a folder under DATA_DIR in the
 * embedded mode (served by the process at `/media/...`), and any S3-compatible store in
 * the distributed mode (S3_ENDPOINT, S3_BUCKET…). Keys are chosen by the caller and
 * must be unguessable ids, never a user's file name: `[A-Za-z0-9/._-]`, no `..`.
 */
export interface ObjectStore {
  /** Stores `body` under `key`, replacing what was there. */
  put(key: string, body: Uint8Array, options: { contentType: string }): Promise<void>;
  /** The object's bytes, or undefined when there is none. */
  get(key: string): Promise<Buffer | undefined>;
  /** The object's size in bytes, or undefined when there is none. */
  size(key: string): Promise<number | undefined>;
  /** Deletes the objects; a key with no object is not an error. */
  delete(keys: readonly string[]): Promise<void>;
  /** Every key that starts with `prefix`. */
  list(prefix: string): Promise<string[]>;
  /** Where a client fetches the object: MEDIA_PUBLIC_URL, the bucket, or this process's `/media/`. */
  publicUrl(key: string): string;
  /**
   * A form a client POSTs the file to, straight to the store, before `expiresAt`: every
   * field of `fields` first, then the file as `file`. The store refuses a file over
   * `maxBytes` or of another content type.
   */
  presignUpload(
    key: string,
    options: { contentType: string; maxBytes: number; expiresInSeconds: number },
  ): Promise<{ url: string; fields: Record<string, string>; expiresAt: Date }>;
}

/** What `presignUpload` is asked for. */
export type UploadOptions = Parameters<ObjectStore['presignUpload']>[1];

/** The form `presignUpload` answers with. */
export type PresignedUpload = Awaited<ReturnType<ObjectStore['presignUpload']>>;
