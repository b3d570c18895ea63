import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { assertKey, assertPrefix, isValidKey } from './keys.js';
import type { ObjectStore, PresignedUpload, UploadOptions } from './object-store.js';

export interface FolderStoreOptions {
  /** The folder holding the objects (DATA_DIR/media). Created on the first write. */
  root: string;
  /** Where clients fetch objects and post uploads (MEDIA_PUBLIC_URL); this process's own paths when unset. */
  publicBaseUrl?: string | undefined;
  /**
   * The key that signs upload forms. When none is given, one is made with
   * crypto.randomBytes the first time it is needed and kept (mode 0600) in
   * `secretFile`, so uploads presigned before a restart still verify after it.
   */
  secret?: string | undefined;
  /** Where the signing key is kept; `<root>-upload.secret` beside the folder (never inside it) by default. */
  secretFile?: string | undefined;
}

/** The suffix of the file holding an object's content type: `~` is never part of a key, so no key names it. */
const TYPE_SUFFIX = '~type';
/** Files in the folder that are not objects (content types, writes in progress) all have a `~`. */
const NOT_AN_OBJECT = '~';

/** What `checkUpload` finds an upload form allows. */
export interface UploadGrant {
  key: string;
  contentType: string;
  maxBytes: number;
}

/** Why an upload form is refused: `form` (fields missing or malformed), `signature` or `expired`. */
export class UploadRefused extends Error {
  override name = 'UploadRefused';
  constructor(
    readonly reason: 'form' | 'signature' | 'expired',
    message: string,
  ) {
    super(message);
  }
}

/** An object as the folder serves it. */
export interface StoredFile {
  path: string;
  size: number;
  modified: Date;
  contentType: string;
}

/**
 * The embedded mode's object store: a folder, an object per file at `<root>/<key>`,
 * its content type beside it in `<root>/<key>~type`. Every write goes to a temporary
 * file (`<file>~<random>.tmp`) renamed over the old one, so a reader sees the old
 * object or the new, never half of one. The process serves the folder at `/media/`
 * and takes presigned uploads at `/media-uploads` (folder-routes.ts), signed with an
 * HMAC-SHA256 key kept beside the folder. A key cannot be both an object and the
 * folder of another (`a` and `a/b`), which S3 allows: the second put fails.
 */
export class FolderStore implements ObjectStore {
  readonly root: string;
  private readonly publicBase: string;
  private readonly secretFile: string;
  private signingKey: Promise<Buffer> | undefined;

  constructor(private readonly options: FolderStoreOptions) {
    this.root = options.root;
    this.publicBase = options.publicBaseUrl ?? '';
    this.secretFile = options.secretFile ?? `${options.root}-upload.secret`;
    if (options.secret !== undefined) this.signingKey = Promise.resolve(Buffer.from(options.secret));
  }

  async put(key: string, body: Uint8Array, options: { contentType: string }): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(dirname(file), { recursive: true });
    await writeAtomically(`${file}${TYPE_SUFFIX}`, options.contentType);
    await writeAtomically(file, body);
  }

  async get(key: string): Promise<Buffer | undefined> {
    return readFile(this.fileOf(key)).catch(absentAsUndefined);
  }

  async size(key: string): Promise<number | undefined> {
    const stats = await stat(this.fileOf(key)).catch(absentAsUndefined);
    return stats?.isFile() ? stats.size : undefined;
  }

  async delete(keys: readonly string[]): Promise<void> {
    const files = keys.map((key) => this.fileOf(key));
    await Promise.all(
      files.flatMap((file) => [rm(file, { force: true }), rm(`${file}${TYPE_SUFFIX}`, { force: true })]),
    );
  }

  async list(prefix: string): Promise<string[]> {
    assertPrefix(prefix);
    // Only the folder the prefix points into is read, with everything below it.
    const folder = join(this.root, prefix.slice(0, prefix.lastIndexOf('/') + 1));
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(absentAsUndefined);
    return (entries ?? [])
      .filter((entry) => entry.isFile() && !entry.name.includes(NOT_AN_OBJECT))
      .map((entry) => relative(this.root, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .filter((key) => key.startsWith(prefix) && isValidKey(key))
      .sort();
  }

  publicUrl(key: string): string {
    return `${this.publicBase}/media/${assertKey(key)}`;
  }

  async presignUpload(key: string, options: UploadOptions): Promise<PresignedUpload> {
    assertKey(key);
    const expiresAt = new Date(Date.now() + options.expiresInSeconds * 1000);
    const fields = {
      key,
      'content-type': options.contentType,
      expires: String(Math.floor(expiresAt.getTime() / 1000)),
      max_bytes: String(options.maxBytes),
    };
    const signature = await this.sign(fields);
    return { url: `${this.publicBase}/media-uploads`, fields: { ...fields, signature }, expiresAt };
  }

  /**
   * What an upload form (its fields, as posted) allows, or an UploadRefused: fields
   * missing or malformed, a signature this store did not make, or past `expires`.
   */
  async checkUpload(fields: Record<string, string | undefined>, now = Date.now()): Promise<UploadGrant> {
    const { key, 'content-type': contentType, expires, max_bytes: maxBytes, signature } = fields;
    if (key === undefined || contentType === undefined || expires === undefined || maxBytes === undefined) {
      throw new UploadRefused(
        'form',
        'The form lacks key, content-type, expires or max_bytes; send every field given.',
      );
    }
    if (signature === undefined) throw new UploadRefused('signature', 'The form has no signature.');
    const expected = Buffer.from(await this.sign({ key, 'content-type': contentType, expires, max_bytes: maxBytes }));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new UploadRefused('signature', 'The form’s signature does not match its fields.');
    }
    if (!isValidKey(key) || !/^[1-9][0-9]{0,15}$/.test(maxBytes) || !/^[0-9]{1,12}$/.test(expires)) {
      throw new UploadRefused('form', 'The form’s key, expires or max_bytes is malformed.');
    }
    if (Number(expires) * 1000 < now) throw new UploadRefused('expired', 'The upload form has expired.');
    return { key, contentType, maxBytes: Number(maxBytes) };
  }

  /** The object's file, size and content type, for serving it; undefined when there is none. */
  async open(key: string): Promise<StoredFile | undefined> {
    if (!isValidKey(key)) return undefined;
    const path = join(this.root, key);
    const stats = await stat(path).catch(absentAsUndefined);
    if (!stats?.isFile()) return undefined;
    const contentType = await readFile(`${path}${TYPE_SUFFIX}`, 'utf8').catch(absentAsUndefined);
    return { path, size: stats.size, modified: stats.mtime, contentType: contentType ?? 'application/octet-stream' };
  }

  private fileOf(key: string): string {
    return join(this.root, assertKey(key));
  }

  private async sign(fields: Record<'key' | 'content-type' | 'expires' | 'max_bytes', string>): Promise<string> {
    this.signingKey ??= keptSecret(this.secretFile);
    const signed = ['starling-media-upload', fields.key, fields['content-type'], fields.expires, fields.max_bytes];
    return createHmac('sha256', await this.signingKey)
      .update(signed.join('\n'))
      .digest('base64url');
  }
}

/** A missing file (or a key that names a folder, or runs through a file) reads as undefined. */
function absentAsUndefined(err: NodeJS.ErrnoException): undefined {
  if (err.code === 'ENOENT' || err.code === 'ENOTDIR' || err.code === 'EISDIR') return undefined;
  throw err;
}

async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${file}~${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}

/**
 * The signing key kept in `file`, made on first use. It is written whole to a
 * temporary file and linked into place, so two processes starting at once agree on
 * one key and neither ever reads a half-written one.
 */
async function keptSecret(file: string): Promise<Buffer> {
  const existing = await readFile(file).catch(absentAsUndefined);
  if (existing) return existing;
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}~${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, randomBytes(32).toString('base64url'), { mode: 0o600 });
  try {
    await link(temporary, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    await unlink(temporary);
  }
  return readFile(file);
}
