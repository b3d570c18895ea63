import type { ServiceContext } from '@starling/kit';
import type { HomeLimits } from '../projections/homes.js';

export const homeLimits = (ctx: Pick<ServiceContext, 'config'>): HomeLimits => ({
  length: ctx.config.HOME_TIMELINE_LENGTH,
  maxFollowers: ctx.config.FANOUT_MAX_FOLLOWERS,
});
