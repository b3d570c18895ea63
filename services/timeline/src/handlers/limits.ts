import type { ServiceContext } from '@starling/kit';
import type { HomeLimits } from '../projections/homes.js';
import { timelineSettings } from '../settings.js';

export function homeLimits(ctx: Pick<ServiceContext, 'config'>): HomeLimits {
  const settings = timelineSettings(ctx.config.env);
  return { length: settings.HOME_TIMELINE_LENGTH, maxFollowers: settings.FANOUT_MAX_FOLLOWERS };
}
