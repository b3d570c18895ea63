import { presentAttachment, type MediaAttachment } from '@starling/contracts';
import type { ObjectStore } from '@starling/kit';
import type { MediaRow } from '../read-models/media.js';

/**
 * A row as the contract's MediaAttachment, by the presenter tweets use too, its files at
 * the URLs the object store serves them from. Media whose file is still expected (a
 * presigned upload not completed) shows as processing.
 */
export function presentMedia(row: MediaRow, objects: Pick<ObjectStore, 'publicUrl'>): MediaAttachment {
  return presentAttachment({
    ...row,
    state: row.state === 'awaiting-upload' ? 'processing' : row.state,
    url: row.file_key ? objects.publicUrl(row.file_key) : null,
    preview_url: row.preview_key ? objects.publicUrl(row.preview_key) : null,
  });
}
