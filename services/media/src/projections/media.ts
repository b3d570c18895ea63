import type { Projection } from '@starling/kit';
import {
  MediaDeleted,
  MediaDescribed,
  MediaFailed,
  MediaProcessed,
  MediaUploaded,
  MediaUploadStarted,
  MediaAttached,
  payloadOf,
} from '@starling/events';
import type { MediaDb } from '../tables.js';

/**
 * `media`: each upload as its owner sees it. Every row is guarded by its stream's
 * version, so a redelivered event never undoes a later one; a deletion removes the row.
 * `tweet_id` is the tweet it was attached to (MediaAttached), which the sweeper spares.
 */
export const mediaProjection: Projection = {
  name: 'media.media',
  source: 'media',
  tables: ['media'],
  types: [
    MediaUploadStarted.type,
    MediaUploaded.type,
    MediaProcessed.type,
    MediaFailed.type,
    MediaDescribed.type,
    MediaAttached.type,
    MediaDeleted.type,
  ],
  async handle(event, trx) {
    const db: MediaDb = trx;
    const at = new Date(event.recordedAt);
    const later = (id: string) => db.updateTable('media').where('id', '=', id).where('version', '<', event.version);
    switch (event.type) {
      case MediaUploadStarted.type:
      case MediaUploaded.type: {
        const started = event.type === MediaUploadStarted.type;
        const d = started ? payloadOf(MediaUploadStarted, event) : payloadOf(MediaUploaded, event);
        const state = started ? 'awaiting-upload' : 'processing';
        const type = 'type' in d ? d.type : 'image';
        await db
          .insertInto('media')
          .values({
            id: d.media_id,
            owner_id: d.owner_id,
            state,
            type,
            content_type: d.content_type,
            original_key: d.key,
            description: d.description ?? null,
            version: event.version,
            created_at: at,
            modified_at: at,
          })
          .onConflict((oc) =>
            oc
              .column('id')
              .doUpdateSet({
                state,
                type,
                content_type: d.content_type,
                version: event.version,
                modified_at: at,
                ...(d.description !== undefined ? { description: d.description } : {}),
              })
              .where('media.version', '<', event.version),
          )
          .execute();
        return;
      }
      case MediaProcessed.type: {
        const d = payloadOf(MediaProcessed, event);
        await later(d.media_id)
          .set({
            state: 'ready',
            type: d.type,
            file_key: d.file_key,
            preview_key: d.preview_key,
            blurhash: d.blurhash,
            meta: JSON.stringify(d.meta),
            version: event.version,
            modified_at: at,
          })
          .execute();
        return;
      }
      case MediaFailed.type: {
        const d = payloadOf(MediaFailed, event);
        await later(d.media_id)
          .set({ state: 'failed', reason: d.reason, version: event.version, modified_at: at })
          .execute();
        return;
      }
      case MediaDescribed.type: {
        const d = payloadOf(MediaDescribed, event);
        await later(d.media_id).set({ description: d.description, version: event.version, modified_at: at }).execute();
        return;
      }
      case MediaAttached.type: {
        const d = payloadOf(MediaAttached, event);
        await later(d.media_id).set({ tweet_id: d.tweet_id, version: event.version }).execute();
        return;
      }
      case MediaDeleted.type:
        await db.deleteFrom('media').where('id', '=', payloadOf(MediaDeleted, event).media_id).execute();
        return;
    }
  },
};
