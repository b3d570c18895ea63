import { MARKER_TIMELINES } from '../domain/marker.js';
import { presentMarkers } from '../presenters/marker.js';
import { findMarkers } from '../read-models/markers.js';
import type { Handler } from './deps.js';

/** The caller's markers for `timeline[]` (both when none is named, as Mastodon answers). */
export const mastodonGetMarkers: Handler<'mastodonGetMarkers'> = (ctx) => async (request, reply) => {
  const caller = await ctx.auth.require(request);
  const asked = request.query['timeline[]'];
  const rows = await findMarkers(ctx.db, caller.userId, asked?.length ? asked : MARKER_TIMELINES);
  reply.header('cache-control', 'private, no-cache');
  return presentMarkers(rows);
};
