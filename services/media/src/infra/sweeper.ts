import type { ServiceContext } from '@starling/kit';
import { deleteMedia } from '../commands/delete-media.js';
import type { MediaSettings } from '../settings.js';
import type { MediaDb } from '../tables.js';

/**
 * Deletes media that was never attached to a tweet a day (MEDIA_UNATTACHED_TTL_SECONDS)
 * after its upload: abandoned drafts and uploads nobody posted. Every process of the
 * service sweeps now and then; two sweeping the same media at once append one deletion,
 * the other's append finding the stream moved on.
 */
export function startSweeper(ctx: ServiceContext, settings: MediaSettings): () => void {
  const sweep = async () => {
    const db: MediaDb = ctx.db;
    const before = new Date(Date.now() - settings.MEDIA_UNATTACHED_TTL_SECONDS * 1000);
    const stale = await db
      .selectFrom('media')
      .select('id')
      .where('tweet_id', 'is', null)
      .where('created_at', '<', before)
      .orderBy('created_at')
      .limit(500)
      .execute();
    for (const { id } of stale) {
      await ctx.db
        .transaction()
        .execute((trx) => deleteMedia(trx, id, 'unattached', undefined))
        .catch((err: unknown) => ctx.log.warn({ err, media_id: id }, 'sweeping media failed; next sweep retries'));
    }
    if (stale.length) ctx.log.info({ swept: stale.length }, 'unattached media deleted');
  };
  const timer = setInterval(() => {
    sweep().catch((err: unknown) => ctx.log.warn({ err }, 'media sweep failed'));
  }, settings.MEDIA_SWEEP_INTERVAL_SECONDS * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
