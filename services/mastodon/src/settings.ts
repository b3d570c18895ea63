import { loadSettings, type Environment } from '@starling/kit';
import { z } from 'zod';

/** The mastodon service's settings. */
const schema = z.object({
  /**
   * The web app's origin, as notify reads it: accounts, statuses and hashtags link to its
   * pages, avatars are served under it, and the streaming API is its ws:// or wss:// form.
   */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+\/?$/, 'must be an http(s):// origin, such as https://starling.example')
    .default('http://localhost:3000')
    .transform((v) => v.replace(/\/+$/, '')),
});

export type MastodonSettings = z.infer<typeof schema>;

export const mastodonSettings = (env: Environment): MastodonSettings => loadSettings(schema, env);
