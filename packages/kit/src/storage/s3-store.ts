import { createRequire } from 'node:module';
import type * as S3 from '@aws-sdk/client-s3';
import type * as S3Post from '@aws-sdk/s3-presigned-post';
import { assertKey, assertPrefix } from './keys.js';
import type { ObjectStore, PresignedUpload, UploadOptions } from './object-store.js';

export interface S3StoreOptions {
  bucket: string;
  /** The S3 API's URL (MinIO, Ceph RGW, R2…); AWS's endpoint for `region` when unset. */
  endpoint?: string | undefined;
  region: string;
  /** The SDK's default chain (environment, profile, instance role) when unset. */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `endpoint/bucket/key` rather than `bucket.endpoint/key`. */
  forcePathStyle: boolean;
  /** Where clients fetch objects (MEDIA_PUBLIC_URL: a CDN, the bucket's public domain). */
  publicBaseUrl?: string | undefined;
  /** Keys per ListObjectsV2 page (MaxKeys); the store's own, at most 1000, when unset. */
  pageSize?: number | undefined;
}

/**
 * The AWS SDK, loaded by the first S3Store made: some 25 MB resident and a good part of
 * a start, which a process that keeps its files in a folder has no use for.
 */
const require = createRequire(import.meta.url);
interface AwsSdk {
  s3: typeof S3;
  post: typeof S3Post;
}
let loaded: AwsSdk | undefined;
const awsSdk = (): AwsSdk =>
  (loaded ??= { s3: require('@aws-sdk/client-s3'), post: require('@aws-sdk/s3-presigned-post') });

/** DeleteObjects takes at most this many keys a call. */
const DELETE_BATCH = 1000;

/**
 * An S3-compatible store on the AWS SDK v3: AWS S3, MinIO, Ceph RGW, Cloudflare R2
 * (whose missing POST-policy uploads docs/architecture.md describes).
 */
export class S3Store implements ObjectStore {
  readonly client: S3.S3Client;
  private readonly sdk = awsSdk();
  readonly bucket: string;
  private readonly publicBase: string;
  private readonly pageSize: number | undefined;

  constructor(options: S3StoreOptions) {
    this.pageSize = options.pageSize;
    this.bucket = options.bucket;
    this.client = new this.sdk.s3.S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      // Other stores than AWS's (MinIO, Ceph RGW, R2) do not all take the checksums
      // the SDK adds to every request by default: send them only where S3 needs one.
      ...(options.endpoint
        ? {
            endpoint: options.endpoint,
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
          }
        : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
    this.publicBase = options.publicBaseUrl ?? bucketUrl(options);
  }

  async put(key: string, body: Uint8Array, options: { contentType: string }): Promise<void> {
    await this.client.send(
      new this.sdk.s3.PutObjectCommand({
        Bucket: this.bucket,
        Key: assertKey(key),
        Body: body,
        ContentType: options.contentType,
      }),
    );
  }

  async get(key: string): Promise<Buffer | undefined> {
    const command = new this.sdk.s3.GetObjectCommand({ Bucket: this.bucket, Key: assertKey(key) });
    const answer = await this.client.send(command).catch(missingAsUndefined);
    return answer?.Body ? Buffer.from(await answer.Body.transformToByteArray()) : undefined;
  }

  async size(key: string): Promise<number | undefined> {
    const command = new this.sdk.s3.HeadObjectCommand({ Bucket: this.bucket, Key: assertKey(key) });
    return (await this.client.send(command).catch(missingAsUndefined))?.ContentLength;
  }

  async delete(keys: readonly string[]): Promise<void> {
    keys.forEach(assertKey);
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      const answer = await this.client.send(
        new this.sdk.s3.DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = answer.Errors?.[0];
      if (failed) throw new Error(`S3 could not delete ${failed.Key}: ${failed.Code} ${failed.Message}`);
    }
  }

  async list(prefix: string): Promise<string[]> {
    assertPrefix(prefix);
    const keys: string[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new this.sdk.s3.ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          ContinuationToken,
          MaxKeys: this.pageSize,
        }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return keys;
  }

  publicUrl(key: string): string {
    return `${this.publicBase}/${assertKey(key)}`;
  }

  /**
   * A POST policy (createPresignedPost): S3 itself refuses a file outside 1..maxBytes,
   * a Content-Type other than the one signed, another key, or a late upload, and
   * answers 204. R2 has no POST policies: see docs/architecture.md.
   */
  async presignUpload(key: string, options: UploadOptions): Promise<PresignedUpload> {
    const expiresAt = new Date(Date.now() + options.expiresInSeconds * 1000);
    const { url, fields } = await this.sdk.post.createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: assertKey(key),
      Conditions: [
        ['content-length-range', 1, options.maxBytes],
        ['eq', '$Content-Type', options.contentType],
        ['eq', '$key', key],
        { success_action_status: '204' },
      ],
      Fields: { 'Content-Type': options.contentType, success_action_status: '204' },
      Expires: options.expiresInSeconds,
    });
    return { url, fields, expiresAt };
  }

  close(): void {
    this.client.destroy();
  }
}

/** The bucket's own URL: `endpoint/bucket` (path style) or `bucket.endpoint`. */
export function bucketUrl(options: Pick<S3StoreOptions, 'bucket' | 'endpoint' | 'region' | 'forcePathStyle'>): string {
  const endpoint = new URL(options.endpoint ?? `https://s3.${options.region}.amazonaws.com`);
  if (options.forcePathStyle) return `${endpoint.origin}${endpoint.pathname.replace(/\/+$/, '')}/${options.bucket}`;
  return `${endpoint.protocol}//${options.bucket}.${endpoint.host}${endpoint.pathname.replace(/\/+$/, '')}`;
}

/** NoSuchKey, or a 404 with no body to name it (a HEAD), reads as undefined; a missing bucket does not. */
function missingAsUndefined(err: unknown): undefined {
  const missing =
    err instanceof awsSdk().s3.S3ServiceException &&
    (err.name === 'NoSuchKey' || (err.$metadata.httpStatusCode === 404 && err.name !== 'NoSuchBucket'));
  if (missing) return undefined;
  throw err;
}
