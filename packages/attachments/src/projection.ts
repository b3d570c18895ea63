import { MediaDeleted, MediaDescribed, MediaFailed, MediaProcessed, MediaUploaded, payloadOf } from '@starling/events';
import type { ObjectStore, Projection } from '@starling/kit';
import { sql } from 'kysely';

/**
 * A `media_attachments` table in the consuming service's schema: each upload as tweets
 * show it, kept from the media service's events, since no service reads another's
 * tables. The media stream's version guards each row, so a redelivered event never
 * undoes a later one; `name` is the consumer's checkpoint key.
 */
export const attachmentsProjection = (name: string, objects: Pick<ObjectStore, 'publicUrl'>): Projection => ({
  name,
  source: 'media',
  tables: ['media_attachments'],
  types: [MediaUploaded.type, MediaProcessed.type, MediaFailed.type, MediaDescribed.type, MediaDeleted.type],
  async handle(event, trx) {
    const at = event.recordedAt;
    switch (event.type) {
      case MediaUploaded.type: {
        const d = payloadOf(MediaUploaded, event);
        await sql`insert into media_attachments (id, owner_id, state, type, description, version, modified_at)
                  values (${d.media_id}, ${d.owner_id}, 'processing', ${d.type}, ${d.description ?? null},
                          ${event.version}, ${at})
                  on conflict (id) do nothing`.execute(trx);
        return;
      }
      case MediaProcessed.type: {
        const d = payloadOf(MediaProcessed, event);
        await sql`update media_attachments
                  set state = 'ready', type = ${d.type}, url = ${objects.publicUrl(d.file_key)},
                      preview_url = ${objects.publicUrl(d.preview_key)},
                      blurhash = ${d.blurhash}, meta = ${JSON.stringify(d.meta)}::jsonb,
                      version = ${event.version}, modified_at = ${at}
                  where id = ${d.media_id} and version < ${event.version}`.execute(trx);
        return;
      }
      case MediaFailed.type: {
        const d = payloadOf(MediaFailed, event);
        await sql`update media_attachments set state = 'failed', reason = ${d.reason},
                    version = ${event.version}, modified_at = ${at}
                  where id = ${d.media_id} and version < ${event.version}`.execute(trx);
        return;
      }
      case MediaDescribed.type: {
        const d = payloadOf(MediaDescribed, event);
        await sql`update media_attachments set description = ${d.description},
                    version = ${event.version}, modified_at = ${at}
                  where id = ${d.media_id} and version < ${event.version}`.execute(trx);
        return;
      }
      case MediaDeleted.type:
        await sql`delete from media_attachments where id = ${payloadOf(MediaDeleted, event).media_id}`.execute(trx);
        return;
    }
  },
});
