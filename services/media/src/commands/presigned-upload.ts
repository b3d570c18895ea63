import { appendToStream, loadAggregate, newId, refuse, Refusal, type Caller } from '@starling/kit';
import { MediaUploadStarted, newEvent } from '@starling/events';
import { originalKey } from '../domain/keys.js';
import { media, mediaStream, mustBeOwn, uploaded } from '../domain/media.js';
import { inspect } from '../infra/pictures/inspect.js';
import type { MediaDeps } from './deps.js';

/**
 * Hands out a form to upload a picture straight to object storage (no bytes through
 * Starling's API), and records that the file is expected.
 */
export async function startUpload(
  deps: MediaDeps,
  caller: Caller,
  input: { content_type: string; description?: string | undefined },
  requestId: string,
) {
  const id = newId();
  const key = originalKey(id);
  const form = await deps.objects.presignUpload(key, {
    contentType: input.content_type,
    maxBytes: deps.settings.MEDIA_IMAGE_MAX_BYTES,
    expiresInSeconds: deps.settings.MEDIA_UPLOAD_URL_TTL_SECONDS,
  });
  await deps.write((trx) =>
    appendToStream(trx, mediaStream(id), 0, [
      {
        ...newEvent(MediaUploadStarted, {
          media_id: id,
          owner_id: caller.userId,
          key,
          content_type: input.content_type,
          expires_at: form.expiresAt.toISOString(),
          ...(input.description !== undefined ? { description: input.description } : {}),
        }),
        metadata: { actor_id: caller.userId, request_id: requestId },
      },
    ]),
  );
  return { id, upload_url: form.url, fields: form.fields, expires_at: form.expiresAt.toISOString() };
}

/**
 * The uploader says the file is in: it is checked as an upload through the API is, and
 * recorded as MediaUploaded. Completing twice changes nothing; a file that is missing is
 * a conflict (upload it first), and one that is refused is deleted, so the form may be
 * used again until it expires.
 */
export async function completeUpload(deps: MediaDeps, caller: Caller, id: string, requestId: string): Promise<void> {
  const { state } = await loadAggregate(deps.db, mediaStream(id), media);
  mustBeOwn(state, id, caller);
  if (state.phase !== 'awaiting-upload') return;
  const bytes = await deps.objects.get(state.key);
  if (!bytes) throw refuse.conflict('The file has not been uploaded yet: POST it to the upload form first.');
  try {
    if (bytes.length > deps.settings.MEDIA_IMAGE_MAX_BYTES) {
      throw refuse.tooLarge(`The file is larger than ${deps.settings.MEDIA_IMAGE_MAX_BYTES} bytes.`);
    }
    const picture = await inspect(bytes, { mimetype: state.contentType }, deps.settings.MEDIA_IMAGE_MAX_PIXELS);
    await deps.write(async (trx) => {
      const current = await loadAggregate(trx, mediaStream(id), media);
      if (current.state.phase !== 'awaiting-upload') return;
      await appendToStream(trx, mediaStream(id), current.version, [
        {
          ...uploaded(id, caller.userId, {
            ...picture,
            key: state.key,
            size: bytes.length,
            description: state.description,
          }),
          metadata: { actor_id: caller.userId, request_id: requestId },
        },
      ]);
    });
  } catch (err) {
    if (err instanceof Refusal) await deps.objects.delete([state.key]);
    throw err;
  }
}
