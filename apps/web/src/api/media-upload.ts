import type { MediaAttachment } from '@starling/sdk';
import { csrfToken } from './client.js';
import { problemError } from './problem.js';

export type { MediaAttachment };

export interface UploadOptions {
  /** Alt text, when the person wrote it before the upload started. */
  description?: string;
  /** How much of the file has gone up, from 0 to 1. */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

/** Sends one picture to `POST /api/v2/media`; resolves with the attachment (usually still `processing`). */
export type MediaUploader = (file: File, options?: UploadOptions) => Promise<MediaAttachment>;

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The uploader the app uses: XMLHttpRequest, because fetch reports no upload progress.
 * Like the SDK client it stays same-origin (the session cookie goes along) and echoes
 * the CSRF cookie; failures are ApiErrors carrying the API's problem, as fetch's are.
 */
export function createMediaUploader(baseUrl = ''): MediaUploader {
  return (file, { description, onProgress, signal } = {}) =>
    new Promise<MediaAttachment>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${baseUrl}/api/v2/media`);
      xhr.setRequestHeader('accept', 'application/json');
      const csrf = csrfToken();
      if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
      });
      xhr.addEventListener('load', () => {
        const body = parse(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300 && body) resolve(body as MediaAttachment);
        else reject(problemError(xhr.status, body, xhr.getResponseHeader('retry-after')));
      });
      // A network failure: like fetch's, it is not an ApiError, so it reads as "couldn't reach Starling".
      xhr.addEventListener('error', () => reject(new TypeError('The upload failed.')));
      xhr.addEventListener('abort', () => reject(signal?.reason ?? new DOMException('Aborted', 'AbortError')));
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      const form = new FormData();
      // Fields before the file, so the server has the description when the bytes arrive.
      if (description) form.append('description', description);
      form.append('file', file);
      xhr.send(form);
    });
}
