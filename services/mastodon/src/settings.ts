import { loadSettings, type Environment, publicUrl } from '@starling/kit';
import { z } from 'zod';

/** The mastodon service's settings. */
const schema = z.object({
  /**
   * The web app's origin, as notify reads it: accounts, statuses and hashtags link to its
   * pages, avatars are served under it, and the streaming API is its ws:// or wss:// form.
   */
  PUBLIC_URL: publicUrl(),
  /** The media service's limits, read from the same variables, which the instance document reports. */
  MEDIA_IMAGE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
  MEDIA_IMAGE_MAX_PIXELS: z.coerce.number().int().positive().default(40_000_000),
});

export type MastodonSettings = z.infer<typeof schema>;

export const mastodonSettings = (env: Environment): MastodonSettings => loadSettings(schema, env);
