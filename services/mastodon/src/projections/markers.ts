import { MarkerSet, payloadOf } from '@starling/events';
import type { Projection } from '@starling/kit';
import type { MastodonDb } from '../tables.js';

/** `markers`: each user's latest marker per timeline, its version the stream's. */
export const markersProjection: Projection = {
  name: 'mastodon.markers',
  source: 'mastodon',
  tables: ['markers'],
  types: [MarkerSet.type],
  async handle(event, trx) {
    const db: MastodonDb = trx;
    const { user_id, timeline, last_read_id } = payloadOf(MarkerSet, event);
    const row = { user_id, timeline, last_read_id, version: event.version, updated_at: event.recordedAt };
    // A replay applies an older version again: only a newer one moves the marker.
    await db
      .insertInto('markers')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'timeline'])
          .doUpdateSet({ last_read_id, version: row.version, updated_at: row.updated_at })
          .where('markers.version', '<', row.version),
      )
      .execute();
  },
};
