import { appendToStream, loadAggregate, type Job, type ServiceContext } from '@starling/kit';
import { MediaFailed, MediaProcessed, MediaUploaded, newEvent, payloadOf } from '@starling/events';
import { Histogram } from 'prom-client';
import { convertedKeys } from '../domain/keys.js';
import { awaitsExtraction, media, mediaStream } from '../domain/media.js';
import { convert, Unconvertible } from '../infra/pictures/convert.js';
import type { MediaSettings } from '../settings.js';

/**
 * The extractor: for each MediaUploaded (from the bus, never by looking in storage), it
 * reads the upload, converts it (infra/pictures/convert.ts), stores the file and its preview,
 * deletes the original (which still carries its metadata) and records MediaProcessed;
 * or MediaFailed with the reason when the file cannot be used. It runs on the worker
 * role, on as many replicas as there are, each upload going to one of them.
 *
 * Idempotent: an upload already processed, failed or deleted is left alone, so a
 * redelivery changes nothing; the converted objects' names follow from the original's,
 * so converting again overwrites rather than leaving strays. An upload that keeps
 * failing — the process dies on it, say — is failed after the job's attempts.
 */
export function extractor(ctx: ServiceContext, settings: MediaSettings): Job {
  const name = 'starling_media_conversion_seconds';
  const processing =
    (ctx.metrics.registry.getSingleMetric(name) as Histogram<'outcome'> | undefined) ??
    new Histogram({
      name,
      help: 'Time the extractor takes to convert one upload, by outcome',
      labelNames: ['outcome'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [ctx.metrics.registry],
    });
  const fail = async (mediaId: string, reason: string) => {
    await ctx.db.transaction().execute(async (trx) => {
      const { state, version } = await loadAggregate(trx, mediaStream(mediaId), media);
      if (!awaitsExtraction(state)) return;
      await appendToStream(trx, mediaStream(mediaId), version, [
        newEvent(MediaFailed, { media_id: mediaId, owner_id: state.ownerId, reason }),
      ]);
    });
    ctx.log.info({ media_id: mediaId, reason }, 'media failed');
  };

  return {
    name: 'media.extractor',
    source: 'media',
    types: [MediaUploaded.type],
    concurrency: 2,
    async perform(event) {
      const uploaded = payloadOf(MediaUploaded, event);
      const id = uploaded.media_id;
      const before = await loadAggregate(ctx.db, mediaStream(id), media);
      const keys = convertedKeys(uploaded.key);
      if (before.state.phase === 'deleted') {
        // Deleted while it was being converted: what that conversion stored goes too.
        await ctx.objects.delete([keys.file, keys.preview]);
        return;
      }
      if (!awaitsExtraction(before.state)) return;
      const bytes = await ctx.objects.get(uploaded.key);
      if (!bytes) return fail(id, 'the uploaded file is missing from storage');
      let converted;
      const timer = processing.startTimer();
      try {
        converted = await convert(bytes, uploaded.type, {
          maxPixels: settings.MEDIA_IMAGE_MAX_PIXELS,
          timeoutSeconds: settings.MEDIA_PROCESS_TIMEOUT_SECONDS,
        });
      } catch (err) {
        timer({ outcome: 'failed' });
        if (err instanceof Unconvertible) return fail(id, err.message);
        throw err;
      }
      timer({ outcome: 'converted' });
      await ctx.objects.put(keys.file, converted.file, { contentType: converted.contentType });
      await ctx.objects.put(keys.preview, converted.preview, { contentType: converted.contentType });
      await ctx.db.transaction().execute(async (trx) => {
        const { state, version } = await loadAggregate(trx, mediaStream(id), media);
        if (!awaitsExtraction(state)) return;
        await appendToStream(trx, mediaStream(id), version, [
          {
            ...newEvent(MediaProcessed, {
              media_id: id,
              owner_id: state.ownerId,
              type: converted.type,
              file_key: keys.file,
              preview_key: keys.preview,
              content_type: converted.contentType,
              meta: converted.meta,
              blurhash: converted.blurhash,
            }),
            metadata: { causation_id: event.eventId },
          },
        ]);
      });
      // The original still carries its metadata (GPS and all): only the converted files stay.
      await ctx.objects.delete([uploaded.key]);
    },
    async gaveUp(event, cause) {
      const { media_id } = payloadOf(MediaUploaded, event);
      ctx.log.error({ err: cause, media_id }, 'media could not be processed; failing it');
      await fail(media_id, 'the picture could not be processed');
    },
  };
}
