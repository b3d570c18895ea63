import { loadSettings, seconds, type Environment } from '@starling/kit';
import { z } from 'zod';

const megabytes = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .positive()
    .default(fallback * 1024 * 1024);

/** The media service's settings: what an upload may be, and how long unattached media lives. */
const schema = z.object({
  MEDIA_IMAGE_MAX_BYTES: megabytes(16),
  /** Width × height, checked from the file's header before anything decodes it (a decompression bomb stops here). */
  MEDIA_IMAGE_MAX_PIXELS: z.coerce.number().int().positive().default(40_000_000),
  /** Media not attached to a tweet this long after its upload is deleted by the sweeper. */
  MEDIA_UNATTACHED_TTL_SECONDS: seconds(24 * 60 * 60),
  MEDIA_SWEEP_INTERVAL_SECONDS: seconds(10 * 60),
  /** How long a presigned upload form stays valid. */
  MEDIA_UPLOAD_URL_TTL_SECONDS: seconds(15 * 60),
  /** The longest the extractor spends on one file before it is failed as too costly. */
  MEDIA_PROCESS_TIMEOUT_SECONDS: seconds(30),
});

export type MediaSettings = z.infer<typeof schema>;

export const mediaSettings = (env: Environment): MediaSettings => loadSettings(schema, env);
