import { seconds } from '@starling/kit';
import { z } from 'zod';

/** The notifications settings (merged into the notify service's in ../settings.ts). */
export const notificationsSchema = z.object({
  /** How often an open notification stream sends a `: heartbeat` comment. */
  STREAM_HEARTBEAT_SECONDS: seconds(15),
  /** How often an open notification stream looks for new notifications. */
  STREAM_POLL_MS: z.coerce.number().int().min(10).default(1000),
});
