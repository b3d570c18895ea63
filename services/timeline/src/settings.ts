import { loadSettings, seconds, type Environment } from '@starling/kit';
import { z } from 'zod';

/** The timeline's settings: home timelines and live streams (see docs/timelines.md). */
const schema = z.object({
  /** Accounts with more followers are merged into homes when read, not fanned out to them. */
  FANOUT_MAX_FOLLOWERS: z.coerce.number().int().min(0).default(10_000),
  HOME_TIMELINE_LENGTH: z.coerce.number().int().min(20).default(800),
  STREAM_HEARTBEAT_SECONDS: seconds(15),
  STREAM_POLL_MS: z.coerce.number().int().min(10).default(1000),
});

export type TimelineSettings = z.infer<typeof schema>;

export const timelineSettings = (env: Environment): TimelineSettings => loadSettings(schema, env);
