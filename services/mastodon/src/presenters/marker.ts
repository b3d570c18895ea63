import type { MarkerRow } from '../read-models/markers.js';

/** Mastodon's Marker. */
export interface Marker {
  last_read_id: string;
  version: number;
  updated_at: string;
}

/** Mastodon's answer to GET and POST /api/v1/markers: one Marker per timeline that has one. */
export function presentMarkers(rows: MarkerRow[]): Record<string, Marker> {
  return Object.fromEntries(
    rows.map((r) => [
      r.timeline,
      { last_read_id: r.last_read_id, version: r.version, updated_at: new Date(r.updated_at).toISOString() },
    ]),
  );
}
