import { attachmentsProjection } from '@starling/attachments';
import { MediaDescribed, MediaFailed, MediaProcessed, payloadOf } from '@starling/events';
import type { ObjectStore, Projection } from '@starling/kit';
import { sql } from 'kysely';
import { bufferArrivals } from './stream-buffer.js';

/** Media events that change how a tweet carrying the media looks. */
const CHANGES_TWEETS = new Set([MediaProcessed.type, MediaFailed.type, MediaDescribed.type]);

/**
 * The timeline's copy of media attachments (@starling/attachments), which also tells the
 * live streams: when a tweet's picture is ready (or failed, or described anew), every
 * home that shows the tweet gets an `update` event with it, so a tweet posted while its
 * pictures were processing fills in without a reload.
 */
export function timelineAttachments(objects: Pick<ObjectStore, 'publicUrl'>): Projection {
  const attachments = attachmentsProjection('timeline.attachments', objects);
  return {
    ...attachments,
    async handle(event, trx) {
      await attachments.handle(event, trx);
      if (!CHANGES_TWEETS.has(event.type)) return;
      const mediaId =
        event.type === MediaProcessed.type
          ? payloadOf(MediaProcessed, event).media_id
          : event.type === MediaFailed.type
            ? payloadOf(MediaFailed, event).media_id
            : payloadOf(MediaDescribed, event).media_id;
      const { rows } = await sql<{ id: string; author_id: string }>`
        select id, author_id from tweets where media_ids @> array[${mediaId}]::text[]`.execute(trx);
      await bufferArrivals(
        trx,
        rows.map((t) => ({
          event,
          arrival: { kind: 'update' as const, tweetId: t.id, entryKey: t.id, actorIds: [t.author_id] },
        })),
      );
    },
  };
}
