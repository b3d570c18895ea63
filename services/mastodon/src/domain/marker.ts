import { MarkerSet, newEvent, payloadOf, type MarkerTimeline } from '@starling/events';
import type { Aggregate } from '@starling/kit';

export const MARKER_TIMELINES: readonly MarkerTimeline[] = ['home', 'notifications'];

/** One stream per user and timeline, so its version is that marker's `version`. */
export const markerStream = (userId: string, timeline: MarkerTimeline) => `marker-${timeline}-${userId}`;

export interface MarkerState {
  lastReadId: string | undefined;
}

export const marker: Aggregate<MarkerState> = {
  initial: { lastReadId: undefined },
  evolve: (state, event) =>
    event.type === MarkerSet.type ? { lastReadId: payloadOf(MarkerSet, event).last_read_id } : state,
};

/**
 * Setting a marker to where it already is changes nothing (its version stays, as in
 * Mastodon). It may move back: a client that re-reads older posts says so.
 */
export function decideMarker(state: MarkerState, userId: string, timeline: MarkerTimeline, lastReadId: string) {
  if (state.lastReadId === lastReadId) return [];
  return [newEvent(MarkerSet, { user_id: userId, timeline, last_read_id: lastReadId })];
}
