import type { MarkerTimeline } from '@starling/events';
import { problems } from '@starling/kit';
import { setMarkers } from '../commands/set-markers.js';
import { MARKER_TIMELINES } from '../domain/marker.js';
import { presentMarkers } from '../presenters/marker.js';
import { findMarkers } from '../read-models/markers.js';
import { NotifyApi } from '../infra/notify-api.js';
import { starlingApi } from '../infra/starling-api.js';
import type { Handler } from './deps.js';

type Body = Record<string, unknown>;

/** `{"home":{"last_read_id":…}}` as JSON, or `home[last_read_id]=…` as a form: the ids per timeline. */
function wantedMarkers(body: Body): Partial<Record<MarkerTimeline, string>> {
  const wanted: Partial<Record<MarkerTimeline, string>> = {};
  for (const timeline of MARKER_TIMELINES) {
    const nested = body[timeline] as { last_read_id?: string } | undefined;
    const id = nested?.last_read_id ?? (body[`${timeline}[last_read_id]`] as string | undefined);
    if (id !== undefined) wanted[timeline] = id;
  }
  return wanted;
}

/**
 * Saves the caller's markers. A notifications marker also moves the web app's read
 * marker forward (notify's own), so the unread badge there agrees; notify keeps it
 * from moving back, and an id that is none of the caller's notifications leaves it.
 */
export const mastodonSaveMarkers: Handler<'mastodonSaveMarkers'> = (ctx) => async (request) => {
  const caller = await ctx.auth.require(request);
  const wanted = wantedMarkers((request.body ?? {}) as Body);
  if (Object.keys(wanted).length === 0) {
    throw problems.validation([{ field: 'home[last_read_id]', reason: 'or notifications[last_read_id] is required' }]);
  }
  await setMarkers((fn) => ctx.write(fn), caller, wanted, String(request.id));
  if (wanted.notifications !== undefined) await new NotifyApi(starlingApi(ctx, request)).markRead(wanted.notifications);
  return presentMarkers(await findMarkers(ctx.db, caller.userId, Object.keys(wanted)));
};
