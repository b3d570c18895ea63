import { appendToStream, loadAggregate, type Db } from '@starling/kit';
import type { MediaDeleted, PayloadOf } from '@starling/events';
import { decideDeletion, media, mediaStream } from '../domain/media.js';

/**
 * Records that media is gone (its objects are then deleted by the object-cleanup job).
 * Media already deleted gives nothing, so a redelivered cause deletes once.
 */
export async function deleteMedia(
  trx: Db,
  id: string,
  reason: PayloadOf<typeof MediaDeleted>['reason'],
  causationId: string | undefined,
): Promise<void> {
  const { state, version } = await loadAggregate(trx, mediaStream(id), media);
  const deleted = decideDeletion(state, id, reason);
  if (!deleted) return;
  await appendToStream(trx, mediaStream(id), version, [
    { ...deleted, metadata: causationId ? { causation_id: causationId } : {} },
  ]);
}
