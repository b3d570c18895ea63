// Scenario 9: the media pipeline. Pictures uploaded through the API (POST /api/v2/media,
// multipart) by a few clients at once, each polled until the extractor has converted it
// (GET /api/v2/media/{id} says `ready`): conversions per second through the whole
// pipeline (API, object storage, event, bus, worker, read model), and the time from
// upload to ready. The ceiling beside it is sharp alone doing the same conversion of the
// same file in a loop in this process: the most the machine's libvips could do.
import { setTimeout as sleep } from 'node:timers/promises';

import sharp from 'sharp';

import { mapLimit, request } from '../api.js';
import { percentile } from '../load.js';
import { startMemorySampler } from '../memory.js';

/** A 12-megapixel photo's proportions at 2 megapixels, with EXIF: what a phone sends, smaller. */
async function benchPhoto() {
  const { data, info } = await sharp({
    create: {
      width: 1600,
      height: 1200,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: info }).jpeg({ quality: 85 }).withMetadata({ orientation: 6 }).toBuffer();
}

/** What the extractor does to each upload (services/media/src/infra/pictures/convert.ts), without the BlurHash. */
async function convertOnce(bytes) {
  const fit = (side) => ({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
  await sharp(bytes, { failOn: 'warning' }).rotate().resize(fit(4096)).webp({ quality: 85 }).toBuffer();
  await sharp(bytes, { failOn: 'warning' }).rotate().resize(fit(640)).webp({ quality: 80 }).toBuffer();
}

/**
 * sharp alone, `concurrency` conversions at a time, for `seconds`: conversions per
 * second, and each conversion's own time (p50, p99): what the pipeline is held to.
 */
export async function sharpCeiling(seconds, concurrency = 2) {
  const bytes = await benchPhoto();
  await convertOnce(bytes); // warm-up
  const times = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await convertOnce(bytes);
        times.push(performance.now() - t0);
      }
    }),
  );
  const sorted = Float64Array.from(times).sort();
  return { rate: times.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** 9. Uploads, each until ready. */
export async function mediaPipeline({ instance, config, pool }) {
  const count = config.quick ? 20 : 100;
  const clients = 4;
  const bytes = await benchPhoto();
  const author = pool[0];
  const sampler = startMemorySampler(instance);
  const latencies = [];
  let errors = 0;
  const began = performance.now();
  await mapLimit(
    Array.from({ length: count }, (_, i) => i),
    clients,
    async (i) => {
      const t0 = performance.now();
      try {
        const form = new FormData();
        form.append('file', new Blob([bytes], { type: 'image/jpeg' }), `bench-${i}.jpg`);
        const res = await fetch(`${instance.baseUrl}/api/v2/media`, {
          method: 'POST',
          headers: { authorization: `Bearer ${author.token}` },
          body: form,
        });
        if (res.status !== 202) throw new Error(`upload answered ${res.status}`);
        const { id } = await res.json();
        for (;;) {
          const { body: media } = await request(`${instance.baseUrl}/api/v2/media/${id}`, { token: author.token });
          if (media.state === 'ready') break;
          if (media.state === 'failed') throw new Error(`failed: ${media.reason}`);
          await sleep(20);
        }
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    },
  );
  const seconds = (performance.now() - began) / 1000;
  const rss = await sampler.stop();
  const sorted = Float64Array.from(latencies).sort();
  const ceiling = await sharpCeiling(config.quick ? 3 : 10);
  return {
    n: 9,
    scenario: 'media: upload to ready',
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors,
    ...rss,
    sharp: ceiling,
    notes:
      `${count} photos of 1600 × 1200 (JPEG, ${(bytes.length / 1024).toFixed(0)} KB), ${clients} clients, polled until ready; ` +
      `rps = conversions per second through the pipeline; sharp alone, same conversion, 2 at a time: ` +
      `${ceiling.rate.toFixed(1)}/s, p50 ${ceiling.p50.toFixed(0)} ms, p99 ${ceiling.p99.toFixed(0)} ms`,
  };
}
