import { appendToStream, newId, type Caller } from '@starling/kit';
import { originalKey } from '../domain/keys.js';
import { mediaStream, uploaded } from '../domain/media.js';
import { inspect, type Claimed } from '../infra/pictures/inspect.js';
import type { MediaDeps } from './deps.js';

export interface Upload extends Claimed {
  bytes: Buffer;
  description?: string | undefined;
}

/**
 * Takes an upload: checked by its bytes (inspect), stored under an unguessable name, and
 * recorded as MediaUploaded, which the extractor converts next. A refused file leaves
 * nothing behind. The object is stored before the event: an event never names a
 * missing object, and an object whose event never committed is swept with its prefix.
 */
export async function uploadMedia(deps: MediaDeps, caller: Caller, upload: Upload, requestId: string): Promise<string> {
  const picture = await inspect(upload.bytes, upload, deps.settings.MEDIA_IMAGE_MAX_PIXELS);
  const id = newId();
  const key = originalKey(id);
  await deps.objects.put(key, upload.bytes, { contentType: picture.contentType });
  try {
    await deps.write((trx) =>
      appendToStream(trx, mediaStream(id), 0, [
        {
          ...uploaded(id, caller.userId, {
            ...picture,
            key,
            size: upload.bytes.length,
            description: upload.description,
          }),
          metadata: { actor_id: caller.userId, request_id: requestId },
        },
      ]),
    );
  } catch (err) {
    await deps.objects.delete([key]).catch(() => undefined);
    throw err;
  }
  return id;
}
